using FluentMigrator.Runner;
using FluentMigrator.Runner.Conventions;
using FluentMigrator.Runner.Initialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Compatibility;

/// <summary>
/// FluentMigrator's own <see cref="IMigrationRunner"/>, set up as FluentMigrator's dotnet-fm sets it up (the assembly
/// named by its path, for migrations, maintenance, profiles, embedded resources and version table metadata alike;
/// relative script paths from the working directory, here the tests' folder; the Postgres processor): the oracle every
/// compatibility test holds dotnet fm to.
/// </summary>
public static class FluentMigratorOracle
{
    public static void MigrateUp(Feature feature, TestDatabase database) => Run(feature, database, runner => runner.MigrateUp());

    /// <summary>
    /// Runs <paramref name="action"/> with a runner of its own, given the feature's tags and breaking-change permission,
    /// and its profile unless <paramref name="withProfile"/> is false (FluentMigrator's MigrateDown applies the profile
    /// too, which dotnet fm's rollback does not take).
    /// </summary>
    public static void Run(Feature feature, TestDatabase database, Action<IMigrationRunner> action, bool withProfile = true)
    {
        using var provider = Services(feature, database, withProfile);
        using var scope = provider.CreateScope();
        action(scope.ServiceProvider.GetRequiredService<IMigrationRunner>());
    }

    /// <summary>Runs <paramref name="action"/> as <see cref="Run"/> does, expecting FluentMigrator to fail; returns its exception.</summary>
    public static Exception Fails(Feature feature, TestDatabase database, Action<IMigrationRunner> action, bool withProfile = true)
    {
        try
        {
            Run(feature, database, action, withProfile);
        }
        catch (Exception e)
        {
            TestContext.Out.WriteLine($"FluentMigrator's runner failed, as expected: {e.GetType().Name}: {e.Message}");
            return e;
        }

        Assert.Fail($"FluentMigrator's runner did not fail on {feature}, so the test expects the wrong thing of it.");
        throw new InvalidOperationException("unreachable");
    }

    private static ServiceProvider Services(Feature feature, TestDatabase database, bool withProfile)
    {
        // A session per use, closed at once: FluentMigrator's pooled sessions would otherwise stay on the server.
        var connectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false, ApplicationName = "FluentMigrator" }.ConnectionString;
        var assemblyPath = feature.AssemblyPath;
        return new ServiceCollection()
            .AddFluentMigratorCore()
            .ConfigureRunner(runner => runner.AddPostgres().WithGlobalConnectionString(connectionString))
            .AddSingleton<IConventionSet>(new DefaultConventionSet(defaultSchemaName: null, workingDirectory: TestContext.CurrentContext.TestDirectory))
            .Configure<AssemblySourceOptions>(options => options.AssemblyNames = [assemblyPath])
            .Configure<RunnerOptions>(options =>
            {
                options.Tags = [.. feature.Tags];
                options.Profile = withProfile ? feature.Profile : null;
                options.AllowBreakingChange = feature.AllowBreakingChanges;
            })
            .AddLogging(logging => logging.AddProvider(new TestOutputLogger()).SetMinimumLevel(LogLevel.Information))
            .BuildServiceProvider();
    }

    /// <summary>What FluentMigrator's runner says, in the test's output.</summary>
    private sealed class TestOutputLogger : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            => TestContext.Out.WriteLine($"[FluentMigrator {logLevel}] {formatter(state, exception)}");

        public void Dispose()
        {
        }
    }
}
