using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Nexgent.Schema.Runner.Rehearsal;

/// <summary>
/// Records each migration the runner applies on the copy, with each statement's time and the table locks it took:
/// read on the migration's own session right after the statement, in its transaction, where they are still held; for
/// a migration that runs outside a transaction, whose statements release their locks as they end, sampled from a
/// session of the recorder's own while each statement runs.
/// </summary>
internal sealed class LockRecorder(DatabaseConnection copy, ILogger logger) : IStatementObserver, IDisposable
{
    private static readonly TimeSpan SampleEvery = TimeSpan.FromMilliseconds(5);

    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly List<RecordedMigration> recorded = [];
    private NpgsqlConnection? own;
    private RecordedMigration? running;
    private TimeSpan statementStart;
    private LockSampler? sampler;

    /// <summary>The migrations that started, in order.</summary>
    public IReadOnlyList<RecordedMigration> Recorded => recorded;

    public IDisposable Observe(MigrationStep step, bool transactional)
    {
        logger.LogInformation("Rehearsing {Step}...", step);
        var migration = new RecordedMigration(step, transactional, RelationLocks.Relations(Own, copy.Schema), clock.Elapsed);
        recorded.Add(migration);
        running = migration;
        return new Ending(() =>
        {
            migration.End = clock.Elapsed;
            running = null;
        });
    }

    public void Executing(MigrationSession session, string sql)
    {
        if (running is null)
        {
            return;
        }

        statementStart = clock.Elapsed;
        if (!running.Transactional)
        {
            sampler = new LockSampler(Own, session.Session.ProcessID, copy.Schema);
        }
    }

    public void Executed(MigrationSession session, string sql, Exception? failure)
    {
        if (running is null)
        {
            return; // outside any migration: the version table's creation, a maintenance migration, the profile
        }

        var took = clock.Elapsed - statementStart;
        IEnumerable<(HeldLock, RelationName?)> locks = running.Transactional
            // After a failure the transaction is aborted and answers nothing more; what the statement locked is unknown.
            ? failure is null ? RelationLocks.Held(session.Session, session.OpenTransaction, session.Session.ProcessID, copy.Schema) : []
            : sampler?.Stop() ?? [];
        sampler = null;
        running.Add(sql, statementStart, took, locks, failure is not null);
    }

    public void Dispose()
    {
        try
        {
            sampler?.Stop();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            // It stopped with the failure being reported.
        }

        own?.Dispose();
    }

    /// <summary>The recorder's own session on the copy, not pooled: the copy is dropped at the end.</summary>
    private NpgsqlConnection Own
    {
        get
        {
            if (own is null)
            {
                own = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(copy.ConnectionString) { Pooling = false }.ConnectionString);
                own.Open();
            }

            return own;
        }
    }

    private sealed class Ending(Action end) : IDisposable
    {
        public void Dispose() => end();
    }

    /// <summary>Reads, until stopped, the table locks one session holds, every few milliseconds; keeps every one seen.</summary>
    private sealed class LockSampler
    {
        private readonly CancellationTokenSource stop = new();
        private readonly Task<List<(HeldLock, RelationName?)>> sampling;

        public LockSampler(NpgsqlConnection connection, int pid, string schema)
            => sampling = Task.Run(() =>
            {
                var seen = new Dictionary<HeldLock, RelationName?>();
                do
                {
                    foreach (var (heldLock, name) in RelationLocks.Held(connection, transaction: null, pid, schema))
                    {
                        seen[heldLock] = name ?? seen.GetValueOrDefault(heldLock);
                    }
                }
                while (!stop.Token.WaitHandle.WaitOne(SampleEvery));

                return seen.Select(s => (s.Key, s.Value)).ToList();
            });

        public List<(HeldLock, RelationName?)> Stop()
        {
            stop.Cancel();
            try
            {
                return sampling.GetAwaiter().GetResult();
            }
            finally
            {
                stop.Dispose();
            }
        }
    }
}
