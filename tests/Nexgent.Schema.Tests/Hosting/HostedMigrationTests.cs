using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nexgent.Schema.Cli.Loading;
using Nexgent.Schema.Runner;
using Nexgent.Schema.Tests.Infrastructure;
using Nexgent.Schema.Tests.SampleMigrations;
using Npgsql;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Hosting;

/// <summary>An application that migrates its database while it starts, through the generic host.</summary>
public sealed class HostedMigrationTests
{
    [Test]
    public async Task A_host_migrates_its_database_before_it_starts_with_options_from_appsettings()
    {
        using var database = TestDatabase.Create();
        var contentRoot = Directory.CreateTempSubdirectory("fm-host-").FullName;
        await File.WriteAllTextAsync(Path.Combine(contentRoot, "appsettings.json"), $$"""
            {
              "ConnectionStrings": { "Default": "{{database.Url}}" },
              "SchemaRunner": { "LockTimeout": "00:00:03", "LockWait": "00:00:30" }
            }
            """);
        try
        {
            using var host = NexgentHost([typeof(Nexgent.Schema.Migrations.Versions.Init).Assembly], contentRoot: contentRoot);

            await host.StartAsync();

            var options = host.Services.GetRequiredService<IOptions<SchemaRunnerOptions>>().Value;
            Assert.That((options.LockTimeout, options.LockWait), Is.EqualTo((TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(30))));
            Assert.That(database.Catalog(), Is.EqualTo(Golden.CatalogAt(Golden.Latest)));
            Assert.That(database.RecordedVersions(), Is.EqualTo(Golden.Versions));
            await host.StopAsync();
        }
        finally
        {
            Directory.Delete(contentRoot, recursive: true);
        }
    }

    [Test]
    public void A_host_whose_migration_cannot_run_does_not_start()
    {
        using var database = TestDatabase.Create();
        database.Execute("CREATE TABLE agents (id uuid PRIMARY KEY)");
        using var host = NexgentHost([typeof(Nexgent.Schema.Migrations.Versions.Init).Assembly], new() { ["DATABASE_URL"] = database.Url });

        var error = Assert.ThrowsAsync<UnrecordedSchemaException>(() => host.StartAsync())!;

        Assert.That(error.Message, Does.Contain("already holds tables but records no migration"));
        Assert.That(database.RecordedVersions(), Is.Empty);
    }

    [Test]
    public async Task With_the_default_logging_a_host_logs_one_line_per_migration_and_no_SQL()
    {
        using var database = TestDatabase.Create();
        var logs = new CapturedLogs();
        using var host = NexgentHost([typeof(CreateNotes).Assembly, Undescribed.Value], new() { ["DATABASE_URL"] = database.Url }, logs);

        await host.StartAsync();
        await host.StopAsync();

        Assert.That(logs.Entries.Where(e => e.Category.StartsWith("FluentMigrator", StringComparison.Ordinal) && e.Level < LogLevel.Warning), Is.Empty);
        Assert.That(
            logs.Entries.Where(e => e.Level == LogLevel.Information && !e.Category.StartsWith("Microsoft.Hosting.", StringComparison.Ordinal))
                .Select(e => System.Text.RegularExpressions.Regex.Replace(e.Message, @"in \d+\.\d{3} s$", "in 0.000 s")),
            Is.EqualTo(new[]
            {
                "Applied 20300101000000 create_notes in 0.000 s",
                "Applied 20300102000000 add_note_author in 0.000 s",
                "Applied 20300103000000 shorten_note_body in 0.000 s",
                "Applied 20300104000000 purge_empty_notes in 0.000 s",
                "Applied 20300105000000 pin_notes_and_trim_bodies in 0.000 s",
                "Applied 20300106000000 AddWidgets in 0.000 s",
                $"{DatabaseConnection.Parse(database.Url).Describe()} is now at version 20300106000000.",
            }));
    }

    [Test]
    public async Task With_FluentMigrator_at_Debug_in_configuration_a_host_logs_each_statement()
    {
        using var database = TestDatabase.Create();
        var logs = new CapturedLogs();
        using var host = NexgentHost(
            [typeof(CreateNotes).Assembly],
            new() { ["DATABASE_URL"] = database.Url, ["Logging:LogLevel:FluentMigrator"] = "Debug" },
            logs);

        await host.StartAsync();
        await host.StopAsync();

        Assert.That(
            logs.Entries.Where(e => e.Category.StartsWith("FluentMigrator", StringComparison.Ordinal)).Select(e => e.Message),
            Does.Contain("""ALTER TABLE "public"."notes" ADD "author" varchar(100);"""));
    }

    [Test]
    public void A_host_whose_database_does_not_exist_does_not_start_and_says_to_create_it()
    {
        using var sibling = TestDatabase.Create();
        var missing = $"{sibling.Name}_missing";
        var server = new NpgsqlConnectionStringBuilder(sibling.ConnectionString);
        var logs = new CapturedLogs();
        using var host = NexgentHost([typeof(CreateNotes).Assembly], new() { ["DATABASE_URL"] = sibling.Url.Replace(sibling.Name, missing) }, logs);

        var error = Assert.ThrowsAsync<SchemaRunnerException>(() => host.StartAsync())!;

        Assert.That(error.Message, Is.EqualTo(
            $"The database '{missing}' does not exist on {server.Host}:{server.Port}; create it (CREATE DATABASE \"{missing}\") or correct the connection string."));
        Assert.That(logs.Entries.Select(e => e.Message + e.Exception), Has.None.Contains(server.Password));
        Assert.That(sibling.Scalar<long>($"SELECT count(*) FROM pg_database WHERE datname = '{missing}'"), Is.Zero, "not created");
    }

    /// <summary>A migration with no description, which the log names by its class.</summary>
    private static readonly Lazy<Assembly> Undescribed = new(() => new RoslynMigrationCompiler().Compile("""
        using FluentMigrator;

        [Migration(20300106000000)]
        public sealed class AddWidgets : Migration
        {
            public override void Up() => Create.Table("widgets").WithColumn("id").AsInt32().PrimaryKey();

            public override void Down() => Delete.Table("widgets");
        }
        """, "UndescribedMigrations"));

    /// <summary>
    /// An application as Host.CreateApplicationBuilder makes it, with its default logging configuration (no appsettings
    /// unless <paramref name="contentRoot"/> has one), <paramref name="settings"/> on top, and its logs in <paramref name="logs"/>.
    /// </summary>
    private static IHost NexgentHost(Assembly[] migrations, Dictionary<string, string?>? settings = null, CapturedLogs? logs = null, string? contentRoot = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = contentRoot ?? Directory.GetCurrentDirectory(), Args = [] });
        builder.Configuration.AddInMemoryCollection(settings ?? []);
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
        }

        builder.Services
            .AddSchemaRunner(builder.Configuration, options =>
            {
                foreach (var assembly in migrations)
                {
                    options.MigrationAssemblies.Add(assembly);
                }
            })
            .AddSchemaMigrationAtStartup();
        return builder.Build();
    }

    /// <summary>What the host's logging passes on, as a provider of the application's sees it.</summary>
    private sealed class CapturedLogs : ILoggerProvider
    {
        private readonly List<Entry> entries = [];

        public IReadOnlyList<Entry> Entries
        {
            get
            {
                lock (entries)
                {
                    return [.. entries];
                }
            }
        }

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        public sealed record Entry(string Category, LogLevel Level, string Message, Exception? Exception);

        private sealed class Logger(CapturedLogs logs, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (logs.entries)
                {
                    logs.entries.Add(new Entry(category, logLevel, formatter(state, exception), exception));
                }
            }
        }
    }
}
