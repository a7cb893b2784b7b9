using System.Diagnostics;
using FluentMigrator;
using FluentMigrator.Infrastructure;
using FluentMigrator.Runner;
using FluentMigrator.Runner.Versioning;
using Microsoft.Extensions.Logging;
using Nexgent.Schema.Runner.Journal;
using Npgsql;

namespace Nexgent.Schema.Runner;

/// <summary>
/// One migration, applied or rolled back. In its own transaction (FluentMigrator's, on the migration session) the runner
/// first takes the step lock and re-reads the version table, so that two runners never run the same migration even when
/// one of them lost its session lock; then FluentMigrator runs the migration and writes its version row, and the runner
/// its journal row, and the three commit together or not at all. A migration session the server closed between two steps
/// is replaced by a new one.
/// </summary>
public sealed partial class SchemaRunner
{
    /// <summary>How often a migration waiting for another runner's tries the step lock again.</summary>
    private static readonly TimeSpan StepPoll = TimeSpan.FromMilliseconds(100);

    private MigrationSession Session => FluentRunner.Processor as MigrationSession
        ?? throw new InvalidOperationException("The runner's MigrationSession is expected as FluentMigrator's processor.");

    /// <summary>Applies or rolls back <paramref name="step"/>; false when another runner did it meanwhile, and it was skipped.</summary>
    private bool Apply(MigrationStep step, long at)
    {
        var info = Known[step.Version];
        var transactional = info.TransactionBehavior == TransactionBehavior.Default;
        if (options.Value.Preview)
        {
            try
            {
                RunMigration(info, step.Direction, transactional);
                return true;
            }
            catch (Exception e)
            {
                throw DatabaseErrors.Explain(e, database, step);
            }
        }

        using var observed = Session.Observer?.Observe(step, transactional);
        return transactional ? ApplyInTransaction(step, info, at) : ApplyWithoutTransaction(step, info, at);
    }

    private bool ApplyInTransaction(MigrationStep step, IMigrationInfo info, long at)
    {
        var up = step.Direction == MigrationDirection.Up;
        var checksum = up ? checksums.Compute(info) : null;
        if (Begin(step, at, transactional: true) is not { } scope)
        {
            return false;
        }

        Announce(step);

        var session = Session;
        var committing = false;
        try
        {
            RunMigration(info, step.Direction, transactional: true);
            if (up)
            {
                journal.Write(session, step.Version, JournalState.Applied, checksum);
            }
            else
            {
                journal.Write(session, step.Version, JournalState.RolledBack, checksum: null);
            }

            committing = true;
            scope.Complete();
            return true;
        }
        catch (Exception e) when (session.IsLostBy(e))
        {
            // The server rolled back what was not committed when the session ended; only the commit itself is in doubt.
            session.ForgetLostTransaction();
            Abandon(scope);
            if (!committing)
            {
                throw DatabaseErrors.Explain(e, database, step);
            }

            if (IsRecorded(step))
            {
                logger.LogWarning("The connection was lost as {Step} committed; PostgreSQL had committed it.", step);
                return true;
            }

            throw new SchemaRunnerException(
                $"The connection to {database.Describe()} was lost while {step} was committing, so it may or may not have been committed: the database is at version {at} or {step.Version}, and its status shows which.",
                [],
                e) { Connection = database };
        }
        catch (Exception e)
        {
            Abandon(scope);
            throw DatabaseErrors.Explain(e, database, step);
        }
    }

    /// <summary>
    /// A migration that cannot run in a transaction (<c>CREATE INDEX CONCURRENTLY</c>) relies on the session lock, checked
    /// right before it, and holds the step lock in its session while it runs. When it fails midway its version is marked
    /// failed in the journal, and the database dirty until a person resolves it.
    /// </summary>
    private bool ApplyWithoutTransaction(MigrationStep step, IMigrationInfo info, long at)
    {
        var up = step.Direction == MigrationDirection.Up;
        if (Begin(step, at, transactional: false) is null)
        {
            return false;
        }

        Announce(step);

        try
        {
            try
            {
                journal.Write(step.Version, JournalState.Running, checksum: null);
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                throw DatabaseErrors.Explain(e, database, step); // nothing of it ran
            }

            try
            {
                RunMigration(info, step.Direction, transactional: false);
            }
            catch (Exception e)
            {
                var explained = DatabaseErrors.Explain(e, database, step, rolledBack: false);
                try
                {
                    journal.Write(step.Version, JournalState.Failed, checksum: null, explained.Sentence);
                }
                catch (NpgsqlException)
                {
                    // The journal says it started and never finished: dirty all the same.
                }

                throw explained.WithSentence(PartLeftBehind(info, step.Direction));
            }

            if (up)
            {
                journal.Write(step.Version, JournalState.Applied, checksums.Compute(info));
            }
            else
            {
                journal.Write(step.Version, JournalState.RolledBack, checksum: null);
            }

            return true;
        }
        finally
        {
            ReleaseStepLock();
        }
    }

    /// <summary>Rolls back the step's transaction; on a session that ended, there is nothing left to roll back.</summary>
    private void Abandon(IMigrationScope scope)
    {
        try
        {
            scope.Dispose();
        }
        catch (Exception e) when (e is NpgsqlException or ObjectDisposedException or InvalidOperationException)
        {
            Session.ForgetLostTransaction();
            scope.Dispose(); // ends the scope, which FluentMigrator would otherwise keep as the current one
        }
    }

    private void RunMigration(IMigrationInfo info, MigrationDirection direction, bool transactional)
    {
        if (direction == MigrationDirection.Up)
        {
            FluentRunner.ApplyMigrationUp(info, transactional);
        }
        else
        {
            FluentRunner.ApplyMigrationDown(info, transactional);
        }
    }

    /// <summary>
    /// Opens the step's transaction (<paramref name="transactional"/>) or takes the step lock for the session, waiting
    /// while another runner's migration holds it; then checks that the version table still says what the plan found and
    /// that this runner still holds its lock. A migration session the server closed since the last step is replaced
    /// first. Null when another runner did the step meanwhile (skipped); otherwise the scope to complete (a no-op one
    /// without a transaction).
    /// </summary>
    private IMigrationScope? Begin(MigrationStep step, long at, bool transactional)
    {
        try
        {
            _ = FluentRunner.VersionLoader; // made on first use, with the version table, outside any migration's transaction
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw DatabaseErrors.Explain(e, database, step); // a PostgreSQL error inside FluentMigrator's own, such as no CREATE on the schema
        }

        for (var attempt = 1; ; attempt++)
        {
            var session = Session;
            if (session.IsLost)
            {
                Reconnect(session, step, at);
            }

            var scope = transactional ? FluentRunner.BeginScope() : new NoOpMigrationScope();
            HashSet<long> versions;
            try
            {
                versions = LockStep(session, step, at, transactional);
            }
            catch (Exception e) when (attempt < 3 && session.IsLostBy(e))
            {
                // Closed by the server while it idled since the last step (idle_session_timeout, pg_terminate_backend):
                // nothing of this step ran, and it starts again on a new session (again, should the server have closed
                // that one too before its first statement).
                session.ForgetLostTransaction();
                Abandon(scope);
                Reconnect(session, step, at);
                continue;
            }
            catch (Exception e)
            {
                if (session.IsLostBy(e))
                {
                    session.ForgetLostTransaction();
                }

                Abandon(scope);
                if (e is OperationCanceledException or SchemaRunnerException)
                {
                    throw;
                }

                throw DatabaseErrors.Explain(e, database, step);
            }

            var skipped = step.Direction == MigrationDirection.Up ? versions.Contains(step.Version) : !versions.Contains(step.Version);
            var held = heldLock?.IsHeld() ?? true;
            if (!held || skipped)
            {
                Abandon(scope); // nothing of the step ran
                if (!transactional)
                {
                    ReleaseStepLock();
                }

                if (!held)
                {
                    throw new MigrationLockLostException(database.Describe(), at, step.ToString());
                }

                logger.LogWarning("{Step} was {Done} by another runner while this one waited for it; skipped.", step, step.Direction == MigrationDirection.Up ? "applied" : "rolled back");
                return null;
            }

            // FluentMigrator skips an up migration its own list (read when it started) says is applied: the list is this one.
            var info = new VersionInfo();
            foreach (var version in versions)
            {
                info.AddAppliedMigration(version);
            }

            FluentRunner.VersionLoader.VersionInfo = info;
            return scope;
        }
    }

    /// <summary>
    /// Takes the step lock, waiting up to the lock wait for another runner's migration to end, and reads the applied
    /// versions after it: in the migration's transaction (the lock is released when it ends), or for the session. The
    /// lock is tried, not waited for in one statement: a waiting statement holds a snapshot, which another runner's
    /// <c>CREATE INDEX CONCURRENTLY</c> would wait for while holding the lock (a deadlock).
    /// </summary>
    private HashSet<long> LockStep(MigrationSession session, MigrationStep step, long at, bool transactional)
    {
        var clock = Stopwatch.StartNew();
        var announced = false;
        while (true)
        {
            using (var command = session.Command($"SELECT {(transactional ? "pg_try_advisory_xact_lock" : "pg_try_advisory_lock")}(@key); {versionTable.SelectVersions}"))
            {
                command.Parameters.AddWithValue("key", MigrationLock.StepKeyFor(database.Schema));
                using var reader = command.ExecuteReader();
                var locked = reader.Read() && reader.GetBoolean(0);
                reader.NextResult();
                if (locked)
                {
                    var versions = new HashSet<long>();
                    while (reader.Read())
                    {
                        versions.Add(reader.GetInt64(0));
                    }

                    return versions;
                }
            }

            if (clock.Elapsed >= options.Value.LockWait)
            {
                throw new MigrationLockTimeoutException(database.Describe(), options.Value.LockWait);
            }

            if (!announced)
            {
                logger.LogInformation("Another runner is running a migration on {Database}; waiting up to {Seconds:0} s for it.", database.Describe(), options.Value.LockWait.TotalSeconds);
                announced = true;
            }

            cancellation.WaitHandle.WaitOne(StepPoll);
            if (cancellation.IsCancellationRequested)
            {
                throw new OperationCanceledException($"Cancelled before {step}; {database.Describe()} is at version {at}.", cancellation);
            }
        }
    }

    private void ReleaseStepLock()
    {
        var session = Session;
        if (session.IsLost)
        {
            return; // released with the session
        }

        try
        {
            using var unlock = session.Command("SELECT pg_advisory_unlock(@key)");
            unlock.Parameters.AddWithValue("key", MigrationLock.StepKeyFor(database.Schema));
            unlock.ExecuteScalar();
        }
        catch (NpgsqlException)
        {
            // The session ended, and the lock with it.
        }
    }

    /// <summary>A new migration session, or one sentence saying where the database stands when none can be opened.</summary>
    private void Reconnect(MigrationSession session, MigrationStep step, long at)
    {
        try
        {
            session.Reconnect();
            logger.LogInformation("The server had closed the migration session; {Step} runs on a new one.", step);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException or IOException)
        {
            var reason = DatabaseErrors.Explain(e, database).Sentence.TrimEnd('.');
            throw new SchemaRunnerException(
                $"The connection to {database.Describe()} was lost before {step} and could not be opened again ({reason}); the database is at version {at}, and nothing of {step} ran.",
                [],
                e) { Connection = database };
        }
    }

    /// <summary>Whether the version table shows <paramref name="step"/> done, read on a session of its own.</summary>
    private bool IsRecorded(MigrationStep step)
    {
        try
        {
            return versionTable.ReadApplied().Any(a => a.Version == step.Version) == (step.Direction == MigrationDirection.Up);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return false;
        }
    }
}
