using System.CommandLine;
using System.Reflection;
using Microsoft.Extensions.Logging;
using Nexgent.Schema.Cli.Loading;
using Nexgent.Schema.Runner;

namespace Nexgent.Schema.Cli;

/// <summary>Turns the global options into a <see cref="SchemaRunner"/>; the runner library does the rest.</summary>
internal static class RunnerFactory
{
    public const string ConnectionVariable = "DATABASE_URL";

    private static readonly string[] PostgresNames = ["postgresql", "postgres", "postgresql15_0", "postgres15_0", "postgresql11_0", "postgresql10_0", "postgres92"];

    public static SchemaRunnerScope Create(ParseResult parsed, GlobalOptions options)
    {
        RequirePostgres(parsed.GetValue(options.Processor));
        var connection = parsed.GetValue(options.Connection) ?? Environment.GetEnvironmentVariable(ConnectionVariable);
        if (string.IsNullOrWhiteSpace(connection))
        {
            throw new SchemaRunnerException(
                $"No database was given; pass -c \"postgresql://user:password@host:5432/database\" or set {ConnectionVariable}.");
        }

        var timeout = parsed.GetValue(options.Timeout);
        RequireSeconds("--timeout", timeout ?? 0);
        var lockWait = parsed.GetValue(options.LockWait);
        RequireSeconds("--lock-wait", lockWait);
        var lockTimeout = parsed.GetValue(options.LockTimeout);
        RequireSeconds("--lock-timeout", lockTimeout);

        var assemblies = MigrationAssemblies(parsed, options);
        var verbose = parsed.GetValue(options.Verbose);
        return SchemaRunnerScope.Create(
            runner =>
            {
                runner.ConnectionString = connection;
                foreach (var assembly in assemblies)
                {
                    runner.MigrationAssemblies.Add(assembly);
                }

                runner.CommandTimeout = TimeSpan.FromSeconds(timeout ?? 0);
                runner.LockWait = TimeSpan.FromSeconds(lockWait);
                runner.LockTimeout = TimeSpan.FromSeconds(lockTimeout);
                runner.Preview = parsed.GetValue(options.Preview);
                runner.SqlOutputFile = parsed.GetValue(options.Output);
                runner.ShowSql = verbose;
                runner.ShowRowValuesInErrors = parsed.GetValue(options.ShowRowValues);
            },
            logging => logging
                .AddProvider(new PlainConsoleLoggerProvider(progressToStandardError: parsed.Tokens.Any(t => t.Value is "--json" or "--preview")))
                .AddFilter<PlainConsoleLoggerProvider>((category, _) => category == typeof(SchemaRunner).FullName));
    }

    private static void RequireSeconds(string option, int seconds)
    {
        if (seconds < 0)
        {
            throw new SchemaRunnerException($"{option} {seconds} is negative; give a number of seconds, 0 or more.");
        }
    }

    private static void RequirePostgres(string? processor)
    {
        if (processor is not null && !PostgresNames.Contains(processor.ToLowerInvariant()))
        {
            throw new SchemaRunnerException(
                $"The processor '{processor}' is not supported: dotnet fm works with PostgreSQL only; leave out -p or pass -p PostgreSQL.");
        }
    }

    /// <summary>
    /// The assemblies named with -a, each loaded on its own; without -a, the migrations project (--project, the
    /// checkout's settings, or the project in the working directory), built first unless --no-build.
    /// </summary>
    private static IReadOnlyList<Assembly> MigrationAssemblies(ParseResult parsed, GlobalOptions options)
    {
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
