using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Nexgent.Schema.Runner;
using Nexgent.Schema.Tests.Infrastructure;
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
            using var host = NexgentHost(contentRoot);

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
        using var host = NexgentHost(Directory.GetCurrentDirectory(), new Dictionary<string, string?> { ["DATABASE_URL"] = database.Url });

        var error = Assert.ThrowsAsync<UnrecordedSchemaException>(() => host.StartAsync())!;

        Assert.That(error.Message, Does.Contain("already holds tables but records no migration"));
        Assert.That(database.RecordedVersions(), Is.Empty);
    }

    private static IHost NexgentHost(string contentRoot, IDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = contentRoot, DisableDefaults = false, Args = [] });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Services
            .AddSchemaRunner(builder.Configuration, options => options.MigrationAssemblies.Add(typeof(Nexgent.Schema.Migrations.Versions.Init).Assembly))
            .AddSchemaMigrationAtStartup();
        return builder.Build();
    }
}
