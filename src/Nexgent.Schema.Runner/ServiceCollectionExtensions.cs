using FluentMigrator.Runner;
using FluentMigrator.Runner.Conventions;
using FluentMigrator.Runner.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nexgent.Schema.Runner.Baselining;
using Nexgent.Schema.Runner.Drift;
using Nexgent.Schema.Runner.Journal;
using Nexgent.Schema.Runner.Safety;

namespace Nexgent.Schema.Runner;

public static class ServiceCollectionExtensions
{
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

        var database = DatabaseConnection.Parse(options.ConnectionString)
            .WithSessionSetting("lock_timeout", $"{(long)options.LockTimeout.TotalMilliseconds}ms")
            .WithRowValuesInErrors(options.ShowRowValuesInErrors);
        var versionTable = new VersionTable(database);

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
                    .WithGlobalConnectionString(database.ConnectionString)
                    .WithVersionTable(versionTable)
                    .AsGlobalPreview(options.Preview)
                    .ScanIn([.. options.MigrationAssemblies]).For.Migrations();
                runner.WithGlobalCommandTimeout(options.CommandTimeout);
            });

        if (options.SqlOutputFile is { } file)
        {
            services.Configure<LogFileFluentMigratorLoggerOptions>(o =>
            {
                o.OutputFileName = file;
                o.ShowSql = true;
            });
            services.AddSingleton<ILoggerProvider, LogFileFluentMigratorLoggerProvider>();
        }

        if (options.Preview && options.SqlOutputFile is null)
        {
            // The preview is the script itself: SQL on standard output, everything else as SQL comments.
            services.AddSingleton<ILoggerProvider>(new SqlScriptFluentMigratorLoggerProvider(Console.Out, new SqlScriptFluentMigratorLoggerOptions { ShowSql = true }, disposeWriter: false));
        }
        else if (options.ShowSql)
        {
            services.Configure<FluentMigratorLoggerOptions>(o => o.ShowSql = true);
            services.AddLogging(logging => logging.AddFluentMigratorConsole());
        }

        if (!options.ShowRowValuesInErrors)
        {
            services.AddSingleton<ILogger<MigrationRunner>>(provider => new RowValueWithholdingLogger(provider.GetRequiredService<ILoggerFactory>().CreateLogger<MigrationRunner>()));
        }

        services.AddScoped(provider => new Lazy<IMigrationRunner>(provider.GetRequiredService<IMigrationRunner>));
        services.AddScoped<MigrationExpressions>();
        services.AddScoped<DataLossAnalyzer>();
        services.AddScoped<MigrationChecksum>();
        services.AddSingleton(new VersionJournal(database));
        services.AddScoped<SchemaRunner>();
        services.AddScoped<DriftDetector>();
        services.AddScoped<Baseliner>();
        return services;
    }
}
