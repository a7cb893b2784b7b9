using FluentMigrator.Runner;
using FluentMigrator.Runner.Conventions;
using FluentMigrator.Runner.Generators;
using FluentMigrator.Runner.Initialization;
using FluentMigrator.Runner.Processors;
using Microsoft.Extensions.Configuration;
using FluentMigrator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nexgent.Schema.Runner.Baselining;
using Nexgent.Schema.Runner.Drift;
using Nexgent.Schema.Runner.Hosting;
using Nexgent.Schema.Runner.Journal;
using Nexgent.Schema.Runner.Safety;

namespace Nexgent.Schema.Runner;

public static class ServiceCollectionExtensions
{
    /// <summary>The configuration section <see cref="AddSchemaRunner(IServiceCollection, IConfiguration, Action{SchemaRunnerOptions})"/> reads.</summary>
    public const string ConfigurationSection = "SchemaRunner";

    /// <summary>
    /// Registers <see cref="SchemaRunner"/> with its options read from <paramref name="configuration"/>
    /// (<c>appsettings.json</c>, environment variables...): the section <c>SchemaRunner</c> (<c>ConnectionString</c>,
    /// <c>LockWait</c>, <c>LockTimeout</c>, <c>CommandTimeout</c> as <c>hh:mm:ss</c>); without a connection string
    /// there, <c>ConnectionStrings:Default</c>, else <c>DATABASE_URL</c>. <paramref name="configure"/> adds what
    /// configuration cannot hold, the migration assemblies, and may override the rest.
    /// </summary>
    public static IServiceCollection AddSchemaRunner(this IServiceCollection services, IConfiguration configuration, Action<SchemaRunnerOptions> configure)
        => services.AddSchemaRunner(options =>
        {
            configuration.GetSection(ConfigurationSection).Bind(options);
            if (string.IsNullOrWhiteSpace(options.ConnectionString))
            {
                options.ConnectionString = configuration.GetConnectionString("Default") ?? configuration["DATABASE_URL"] ?? "";
            }

            configure(options);
        });

    /// <summary>
    /// Migrates the database while the host starts (an <see cref="Microsoft.Extensions.Hosting.IHostedService"/>
    /// registered first runs before the application serves): every pending migration is applied, and a failure stops
    /// the host. Register the runner with <c>AddSchemaRunner</c> too.
    /// </summary>
    public static IServiceCollection AddSchemaMigrationAtStartup(this IServiceCollection services)
        => services.AddHostedService<MigrateAtStartup>();

    /// <summary>
    /// Registers <see cref="SchemaRunner"/> (scoped) on FluentMigrator's runner for PostgreSQL, for the
    /// connection and migration assemblies <paramref name="configure"/> sets.
    /// </summary>
    public static IServiceCollection AddSchemaRunner(this IServiceCollection services, Action<SchemaRunnerOptions> configure)
    {
        var options = new SchemaRunnerOptions();
        configure(options);
        if (options.MigrationAssemblies.Count == 0)
        {
            throw new SchemaRunnerException("No migration assembly was given; add at least one to MigrationAssemblies.");
        }

        var database = (options.NoConnection ? DatabaseConnection.Offline(options.ConnectionString) : DatabaseConnection.Parse(options.ConnectionString))
            .WithSessionSetting("lock_timeout", $"{(long)options.LockTimeout.TotalMilliseconds}ms")
            .WithRowValuesInErrors(options.ShowRowValuesInErrors);
        var versionTable = VersionTable.Find(database, options.MigrationAssemblies);

        services.AddSingleton(Options.Create(options));
        services.AddSingleton(database);
        services.AddSingleton(versionTable);
        services.AddSingleton<IConventionSet>(new DefaultConventionSet(database.Schema, workingDirectory: null));
        services.AddLogging();
        services
            .AddFluentMigratorCore()
            .ConfigureRunner(runner =>
            {
                runner.AddPostgres()
                    .WithGlobalConnectionString(database.IsOffline ? "" : database.ConnectionString)
                    .WithVersionTable(versionTable)
                    .AsGlobalPreview(options.Preview)
                    .ScanIn([.. options.MigrationAssemblies]).For.Migrations()
                    .For.EmbeddedResources(); // Execute.EmbeddedScript finds its scripts in the migration assemblies
                runner.WithGlobalCommandTimeout(options.CommandTimeout);
            });

        // FluentMigrator's own runner options: tags choose the migrations and maintenance migrations, the profile is
        // applied after a run up, and its check of breaking changes lets them through when they are allowed.
        services.Configure<RunnerOptions>(runnerOptions =>
        {
            runnerOptions.Tags = [.. options.Tags];
            runnerOptions.Profile = options.Profile;
            runnerOptions.AllowBreakingChange = options.AllowBreakingChanges;
        });
        // FluentMigrator finds [Maintenance] classes through its assembly source, which ScanIn(...).For.Migrations()
        // leaves empty: this loader reads the migration assemblies themselves.
        services.AddSingleton<IMaintenanceLoader>(provider => new MaintenanceLoader(
            new MigrationAssemblySource(options.MigrationAssemblies),
            provider.GetRequiredService<IOptions<RunnerOptions>>(),
            provider.GetRequiredService<IMigrationRunnerConventions>(),
            provider));

        // The SQL is shown once, in one place: the preview's script or, with ShowSql, each statement as it runs; the
        // file, when given, gets it as well.
        var sqlWriter = options.SqlWriter ?? Console.Out;

        // FluentMigrator's processor, which can also replace a session the server closed between two migrations.
        // With no database, FluentMigrator's processor that connects to nothing: building a migration's expressions
        // works, and a migration that asks the database while it builds them (Schema.Table(...).Exists()) is refused.
        services.AddScoped<MigrationSession>();
        services.Replace(database.IsOffline
            ? ServiceDescriptor.Scoped<IMigrationProcessor>(provider => new ConnectionlessProcessor(
                provider.GetRequiredService<IGeneratorAccessor>(),
                provider.GetRequiredService<ILogger<ConnectionlessProcessor>>(),
                provider.GetRequiredService<IOptionsSnapshot<ProcessorOptions>>(),
                provider.GetRequiredService<IOptions<SelectingProcessorAccessorOptions>>()))
            : ServiceDescriptor.Scoped<IMigrationProcessor>(provider => provider.GetRequiredService<MigrationSession>()));

        if (options.SqlOutputFile is { } file)
        {
            services.AddSingleton<ILoggerProvider>(_ => SqlLogging.File(file));
        }

        if (options.Preview)
        {
            services.AddSingleton<ILoggerProvider>(_ => SqlLogging.Script(sqlWriter));
        }
        else if (options.ShowSql)
        {
            services.AddSingleton<ILoggerProvider>(_ => SqlLogging.Statements(sqlWriter));
        }

        if (!options.ShowRowValuesInErrors)
        {
            services.AddSingleton<ILogger<MigrationRunner>>(provider => new RowValueWithholdingLogger(provider.GetRequiredService<ILoggerFactory>().CreateLogger<MigrationRunner>()));
        }

        services.AddScoped(provider => new Lazy<IMigrationRunner>(provider.GetRequiredService<IMigrationRunner>));
        services.AddScoped<MigrationExpressions>();
        services.AddScoped<MigrationSql>();
        services.AddScoped<DataLossAnalyzer>();
        services.AddScoped<RollbackPreflight>();
        services.AddScoped<MigrationChecksum>();
        services.AddScoped<Lint.MigrationLinter>();
        services.AddSingleton(new VersionJournal(database));
        // Its constructor takes the library's internal services, so it is not public, and the container is told how to call it.
        services.AddScoped(provider => new SchemaRunner(
            provider.GetRequiredService<IMigrationInformationLoader>(),
            provider.GetRequiredService<Lazy<IMigrationRunner>>(),
            provider.GetRequiredService<DatabaseConnection>(),
            provider.GetRequiredService<VersionTable>(),
            provider.GetRequiredService<DataLossAnalyzer>(),
            provider.GetRequiredService<RollbackPreflight>(),
            provider.GetRequiredService<VersionJournal>(),
            provider.GetRequiredService<MigrationChecksum>(),
            provider.GetRequiredService<MigrationExpressions>(),
            provider.GetRequiredService<MigrationSql>(),
            provider.GetRequiredService<Lint.MigrationLinter>(),
            provider.GetRequiredService<IOptions<SchemaRunnerOptions>>(),
            provider.GetRequiredService<ILogger<SchemaRunner>>()));
        services.AddScoped<DriftDetector>();
        services.AddScoped<Baseliner>();
        services.AddScoped(provider => new Scripting.MigrationScripter(
            provider.GetRequiredService<SchemaRunner>(),
            provider.GetRequiredService<MigrationSql>(),
            provider.GetRequiredService<MigrationExpressions>(),
            provider.GetRequiredService<MigrationChecksum>(),
            provider.GetRequiredService<VersionTable>(),
            provider.GetRequiredService<VersionJournal>(),
            provider.GetRequiredService<IGeneratorAccessor>()));
        return services;
    }
}
