using System.CommandLine;
using System.Reflection;
using Microsoft.Extensions.Logging;
using Nexgent.Schema.Cli.Loading;
using Nexgent.Schema.Runner;

namespace Nexgent.Schema.Cli;

/// <summary>Turns a verb's options into a <see cref="SchemaRunner"/>; the runner library does the rest.</summary>
internal static class RunnerFactory
{
    public const string ConnectionVariable = "DATABASE_URL";

    /// <summary>The runner on the database -c or DATABASE_URL gives; without one, the verb cannot run.</summary>
    public static SchemaRunnerScope Create(ParseResult parsed, SharedOptions options) => Create(parsed, options, Database.Required);

    /// <summary>
    /// The runner on the database -c or DATABASE_URL gives, or, when neither gives one, a runner with no database
    /// (<see cref="SchemaRunnerOptions.NoConnection"/>): nothing connects, and the verb works from the migrations' code
    /// alone (lint). See <see cref="IsOffline"/>.
    /// </summary>
    public static SchemaRunnerScope CreateWithDatabaseIfGiven(ParseResult parsed, SharedOptions options) => Create(parsed, options, Database.IfGiven);

    /// <summary>
    /// A runner with no database, whatever is given: nothing connects. -c or DATABASE_URL, when given, only names the
    /// schema the SQL is written for (for a verb that writes SQL to run elsewhere).
    /// </summary>
    public static SchemaRunnerScope CreateOffline(ParseResult parsed, SharedOptions options) => Create(parsed, options, Database.None);

    /// <summary>Whether <see cref="CreateWithDatabaseIfGiven"/> makes a runner with no database: neither -c nor DATABASE_URL gives one.</summary>
    public static bool IsOffline(ParseResult parsed, SharedOptions options) => string.IsNullOrWhiteSpace(ConnectionOf(parsed, options));

    private enum Database
    {
        Required,
        IfGiven,
        None,
    }

    private static string? ConnectionOf(ParseResult parsed, SharedOptions options)
        => parsed.GetValue(options.Connection) ?? Environment.GetEnvironmentVariable(ConnectionVariable);

    private static SchemaRunnerScope Create(ParseResult parsed, SharedOptions options, Database use)
    {
        RequirePostgres(parsed.GetValue(options.Processor));
        var connection = ConnectionOf(parsed, options);
        if (string.IsNullOrWhiteSpace(connection) && use == Database.Required)
        {
            throw new SchemaRunnerException(
                $"No database was given; pass -c \"postgresql://user:password@host:5432/database\" or set {ConnectionVariable}.");
        }

        var noConnection = use == Database.None || string.IsNullOrWhiteSpace(connection);

        // Negative numbers never get here: they are refused while parsing (ArgumentChecks).
        var timeout = parsed.GetValue(options.Timeout);
        var lockWait = parsed.GetValue(options.LockWait);
        var lockTimeout = parsed.GetValue(options.LockTimeout);

        var assemblies = MigrationAssemblies(parsed, options);
        var verbose = parsed.GetValue(options.Verbose);
        // With --json, standard output carries the JSON document alone: progress, the preview's script and the SQL of
        // --verbose go to standard error.
        var json = parsed.Tokens.Any(t => t.Value == "--json");
        // ...and so does a verb that prints the SQL it writes (script without -o).
        var sqlOnStandardOutput = use == Database.None;
        var tags = options.TagsOf(parsed);
        return SchemaRunnerScope.Create(
            runner =>
            {
                runner.ConnectionString = connection ?? "";
                runner.NoConnection = noConnection;
                foreach (var assembly in assemblies)
                {
                    runner.MigrationAssemblies.Add(assembly);
                }

                // A verb without one of these options leaves the runner's default.
                runner.CommandTimeout = Seconds(timeout) ?? runner.CommandTimeout;
                runner.LockWait = Seconds(lockWait) ?? runner.LockWait;
                runner.LockTimeout = Seconds(lockTimeout) ?? runner.LockTimeout;
                // A runner with no database runs nothing: the verb that writes SQL to run elsewhere (script) writes -o itself.
                runner.Preview = use != Database.None && parsed.GetValue(options.Preview);
                runner.SqlOutputFile = use == Database.None ? null : parsed.GetValue(options.Output);
                runner.ShowSql = verbose;
                runner.ShowRowValuesInErrors = parsed.GetValue(options.ShowRowValues);
                runner.SqlWriter = json ? Console.Error : Console.Out;
                foreach (var tag in tags)
                {
                    runner.Tags.Add(tag);
                }

                runner.Profile = parsed.GetValue(options.Profile);
                runner.AllowBreakingChanges = parsed.GetValue(options.AllowBreakingChanges);
            },
            logging => logging
                .AddProvider(new PlainConsoleLoggerProvider(progressToStandardError: json || sqlOnStandardOutput || parsed.GetValue(options.Preview)))
                .AddFilter<PlainConsoleLoggerProvider>((category, _) => category == typeof(SchemaRunner).FullName));
    }

    private static TimeSpan? Seconds(int? seconds) => seconds is { } s ? TimeSpan.FromSeconds(s) : null;

    private static void RequirePostgres(string? processor)
    {
        if (processor is not null && !Processors.IsPostgres(processor))
        {
            throw new SchemaRunnerException(
                $"The processor '{processor}' is not supported: dotnet fm works with PostgreSQL only; leave out -p or pass -p PostgreSQL.");
        }
    }

    /// <summary>
    /// The assemblies named with -a, each loaded on its own; without -a, the migrations project (--project, the
    /// checkout's settings, or the project in the working directory), built first unless --no-build. A bundle runs
    /// the migrations inside it.
    /// </summary>
    internal static IReadOnlyList<Assembly> MigrationAssemblies(ParseResult parsed, SharedOptions options)
    {
        if (BundledMigrations.Assemblies is { } bundled)
        {
            return bundled;
        }

        var paths = parsed.GetValue(options.Assemblies) ?? [];
        if (paths.Length == 0)
        {
            var project = MigrationsProject.Locate(parsed.GetValue(options.Project), Environment.CurrentDirectory);
            return [LoadAssembly(project.BuildAssembly(build: !parsed.GetValue(options.NoBuild)))];
        }

        return paths.DistinctBy(Path.GetFullPath).Select(LoadAssembly).ToList();
    }

    private static Assembly LoadAssembly(string path)
    {
        if (!File.Exists(path))
        {
            throw new CliException($"The migration assembly '{path}' does not exist; check the path given with -a.");
        }

        try
        {
            return MigrationAssemblyLoadContext.Load(Path.GetFullPath(path));
        }
        catch (BadImageFormatException)
        {
            throw new CliException($"'{path}' is not a .NET assembly; give -a the .dll that holds your migrations.");
        }
    }
}
