using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Nexgent.Schema.Runner.Drift;
using Npgsql;

namespace Nexgent.Schema.Runner.Rehearsal;

/// <summary>
/// Runs a deploy's migrations on a copy of the database, made for the purpose beside it (or on another server) and
/// dropped at the end, also when a migration fails or the rehearsal is cancelled; the database itself is only read.
/// The copy is named and cleaned up as drift's shadow databases are: one a killed rehearsal left is dropped by a later run.
/// </summary>
internal sealed class DeployRehearsal(DatabaseConnection target, SchemaRunnerOptions options, ILogger logger, CancellationToken cancellation)
{
    /// <summary>What ran on the copy, once it is made: a cancellation says where it got to.</summary>
    private LockRecorder? recorder;

    /// <param name="steps">The deploy's pending migrations, each with what it would lose.</param>
    /// <param name="transactional">Whether the migration of a version runs in a transaction.</param>
    /// <param name="versionBefore">The version the database is at.</param>
    /// <param name="rehearseOn">The server to make the copy on, as a connection string to one of its databases; null for the database's own.</param>
    public RehearsalReport Run(IReadOnlyList<MigrationStep> steps, Func<long, bool> transactional, long versionBefore, string? rehearseOn)
    {
        if (steps.Count == 0)
        {
            logger.LogInformation("Nothing to rehearse: {Database} is at version {Version}.", target.Describe(), versionBefore);
            return new RehearsalReport(target.Describe(), CopiedTo: null, CopySeconds: 0, versionBefore, [], Failure: null);
        }

        return ShadowDatabase.Cancellable(
            () => Rehearse(steps, transactional, versionBefore, rehearseOn),
            () => (recorder is null ? "while making the copy to rehearse on"
                    : recorder.Recorded.LastOrDefault() is { } last ? $"while rehearsing {last.Step}"
                    : "before the first migration")
                  + $"; the copy was dropped, and {target.Describe()} was not changed.",
            cancellation);
    }

    private RehearsalReport Rehearse(IReadOnlyList<MigrationStep> steps, Func<long, bool> transactional, long versionBefore, string? rehearseOn)
    {
        var server = rehearseOn is null ? target : DatabaseConnection.Parse(rehearseOn);
        var clock = Stopwatch.StartNew();
        using var shadow = CreateCopy(server);
        var copiedTo = $"{shadow.Name} on {(rehearseOn is null ? "the same server" : $"{server.Host}:{server.Port}")}";
        try
        {
            var copy = Beside(shadow.Connection);
            logger.LogInformation("Copying {Database} to {Copy} (pg_dump | pg_restore, then VACUUM ANALYZE)...", target.Describe(), copiedTo);
            DatabaseCopy.Fill(target, copy, cancellation);
            var copySeconds = clock.Elapsed.TotalSeconds;
            logger.LogInformation("Copied in {Seconds:0.0} s; rehearsing {Count} migration(s) on the copy.", copySeconds, steps.Count);

            recorder = new LockRecorder(copy, logger);
            var failure = Migrate(copy, recorder);
            var applied = failure is null ? null : new VersionTable(copy).ReadApplied().Select(a => a.Version).ToHashSet();
            var recorded = recorder.Recorded.ToDictionary(m => m.Step.Version);
            var migrations = steps.Select(step => recorded.TryGetValue(step.Version, out var ran)
                    ? ran.Report(applied is null || applied.Contains(step.Version) ? RehearsalOutcome.Applied : RehearsalOutcome.Failed, step.DataLoss)
                    : new RehearsedMigration(step.Version, step.Description, transactional(step.Version), RehearsalOutcome.NotRun, 0, [], [], step.DataLoss))
                .ToList();
            logger.LogInformation("Rehearsed; dropping the copy. {Database} was not changed.", target.Describe());
            return new RehearsalReport(target.Describe(), copiedTo, copySeconds, versionBefore, migrations, failure);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            throw DatabaseErrors.Explain(e, server); // the database itself is read by pg_dump alone, which says its own errors
        }
        finally
        {
            recorder?.Dispose();
        }
    }

    /// <summary>Applies every pending migration on the copy, with the database's settings; why it failed, or null.</summary>
    private string? Migrate(DatabaseConnection copy, LockRecorder recorder)
    {
        try
        {
            using var scope = SchemaRunnerScope.Create(copyOptions =>
            {
                copyOptions.ConnectionString = copy.ConnectionString;
                foreach (var assembly in options.MigrationAssemblies)
                {
                    copyOptions.MigrationAssemblies.Add(assembly);
                }

                foreach (var tag in options.Tags)
                {
                    copyOptions.Tags.Add(tag);
                }

                copyOptions.Profile = options.Profile;
                copyOptions.AllowBreakingChanges = options.AllowBreakingChanges;
                copyOptions.CommandTimeout = options.CommandTimeout;
                copyOptions.LockTimeout = options.LockTimeout;
                copyOptions.LockWait = options.LockWait;
                copyOptions.ShowSql = options.ShowSql;
                copyOptions.SqlWriter = options.SqlWriter;
                copyOptions.ShowRowValuesInErrors = options.ShowRowValuesInErrors;
            });
            scope.Get<MigrationSession>().Observer = recorder;
            scope.Runner.MigrateUpAsync(cancellationToken: cancellation).GetAwaiter().GetResult();
            return null;
        }
        catch (SchemaRunnerException e) when (!cancellation.IsCancellationRequested)
        {
            return e.Message;
        }
    }

    /// <summary>An empty database for the copy on <paramref name="server"/>, named as drift's shadow databases are.</summary>
    private ShadowDatabase CreateCopy(DatabaseConnection server)
    {
        try
        {
            return ShadowDatabase.Create(server, cancellation, like: target);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            throw DatabaseErrors.Explain(e, server);
        }
        catch (SchemaRunnerException e) when (e.InnerException is PostgresException { SqlState: "42501" })
        {
            throw new SchemaRunnerException(
                $"User '{server.Username}' may not create the database a rehearsal copies {target.Describe()} into; grant it CREATEDB (ALTER ROLE {Identifier.Quote(server.Username ?? "")} CREATEDB), or rehearse on a server where it has it.", e);
        }
    }

    /// <summary>
    /// The copy, reached as the database is: its schema first on the search path, and its session settings
    /// (lock_timeout...), which the migrations run with; the server and credentials are the copy's.
    /// </summary>
    private DatabaseConnection Beside(DatabaseConnection copy)
    {
        var settings = new NpgsqlConnectionStringBuilder(target.ConnectionString);
        return DatabaseConnection.Parse(new NpgsqlConnectionStringBuilder(copy.ConnectionString)
        {
            SearchPath = settings.SearchPath,
            Options = settings.Options,
        }.ConnectionString);
    }
}
