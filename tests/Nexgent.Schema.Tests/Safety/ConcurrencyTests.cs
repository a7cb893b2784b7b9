using Nexgent.Schema.Tests.Infrastructure;
using Npgsql;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Safety;

/// <summary>Runners started together serialise on the advisory lock; a migration blocked by a long transaction fails fast.</summary>
public sealed class ConcurrencyTests
{
    [Test]
    public void A_runner_leaves_no_session_on_the_server_once_its_scope_ends()
    {
        using var database = TemplateDatabases.At(Golden.Previous(Golden.Latest));
        string SessionsOfTheRunner() => $"SELECT count(*) FROM pg_stat_activity WHERE datname = '{database.Name}' AND application_name = 'dotnet-fm'";

        using (var migrator = new Migrator(database.ConnectionString))
        {
            migrator.Runner.MigrateUp();
            Assert.That(database.Scalar<long>(SessionsOfTheRunner()), Is.GreaterThan(0), "its pool keeps idle sessions while it lives");
        }

        // A closed session leaves pg_stat_activity when its backend has exited, a moment later.
        Assert.That(() => database.Scalar<long>(SessionsOfTheRunner()), Is.Zero.After(5000, 50));
    }

    [Test]
    public async Task Eight_runners_started_together_apply_each_migration_once()
    {
        using var database = TestDatabase.Create();
        using var start = new Barrier(8);

        var runs = Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            using var migrator = new Migrator(database.ConnectionString);
            start.SignalAndWait();
            return migrator.Runner.MigrateUp();
        })).ToList();
        var results = await Task.WhenAll(runs);

        Assert.That(results.Sum(r => r.Steps.Count), Is.EqualTo(Golden.Versions.Count), "every migration applied by exactly one runner");
        Assert.That(results.Count(r => r.Steps.Count == 0), Is.EqualTo(7), "the others found nothing to do");
        Assert.That(database.RecordedVersions(), Is.EqualTo(Golden.Versions));
        Assert.That(database.Catalog(), Is.EqualTo(Golden.CatalogAt(Golden.Latest)));
    }

    [Test]
    public void A_runner_that_cannot_get_the_lock_in_time_gives_up_and_changes_nothing()
    {
        using var database = TemplateDatabases.At(20251221000651);
        using var holder = database.Open();
        using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({Nexgent.Schema.Runner.MigrationLock.KeyFor("public")})", holder))
        {
            take.ExecuteScalar();
        }

        using var migrator = new Migrator(database.ConnectionString, o => o.LockWait = TimeSpan.FromSeconds(1));
        var error = Assert.Throws<Nexgent.Schema.Runner.MigrationLockTimeoutException>(() => migrator.Runner.MigrateUp())!;

        Assert.That(error.Message, Does.StartWith("Another runner has held the migration lock on").And.Contain("(LockWait)"));
        Assert.That(error.Waited, Is.EqualTo(TimeSpan.FromSeconds(1)));
        Assert.That(database.RecordedVersions().Max(), Is.EqualTo(20251221000651));
    }

    [Test]
    public async Task A_migration_blocked_by_a_long_transaction_fails_within_lock_timeout_names_the_blocker_and_never_queues_readers()
    {
        using var database = TemplateDatabases.At(20251221120000);
        using var application = database.Open();
        using var transaction = application.BeginTransaction();
        using (var read = new NpgsqlCommand("SELECT count(*) FROM agents", application, transaction))
        {
            read.ExecuteScalar();
        }

        var blocker = application.ProcessID;
        // Three seconds, so that a loaded machine still sees the migration waiting before it gives up.
        using var migrator = new Migrator(database.ConnectionString, o => o.LockTimeout = TimeSpan.FromSeconds(3));
        var migration = Task.Run(() => migrator.Runner.MigrateUp(20260106120000));
        WaitUntilTheMigrationWaitsForItsLock(database, migration);

        // A reader arriving now queues behind the migration's ACCESS EXCLUSIVE request. With lock_timeout the
        // migration gives up after three seconds, so the reader is answered while the blocker still holds its
        // transaction; without it, the reader would wait for the blocker and hit its statement_timeout.
        using (var reader = database.Open())
        using (var query = new NpgsqlCommand("SET statement_timeout = '10s'; SELECT count(*) FROM agents", reader))
        {
            Assert.That(query.ExecuteScalar(), Is.EqualTo(0L));
        }

        var error = Assert.ThrowsAsync<Nexgent.Schema.Runner.SchemaRunnerException>(() => migration)!;
        Assert.That(error.Message, Does.StartWith("Migration 20260106120000 add_automated_trading (up) waited longer than lock_timeout"));
        Assert.That(error.Message, Does.Contain($"process {blocker} "));
        Assert.That(application.FullState, Is.EqualTo(System.Data.ConnectionState.Open), "the blocker was never disturbed");
        await transaction.RollbackAsync();
        Assert.That(database.RecordedVersions().Max(), Is.EqualTo(20251221120000));
        Assert.That(database.Catalog(), Is.EqualTo(Golden.CatalogAt(20251221120000)));
    }

    /// <summary>
    /// Waits, however long a loaded machine takes to start the runner, until the migration waits for its lock; fails
    /// at once if the migration ended first.
    /// </summary>
    private static void WaitUntilTheMigrationWaitsForItsLock(TestDatabase database, Task migration)
    {
        for (var attempt = 0; attempt < 6000 && !migration.IsCompleted; attempt++)
        {
            if (database.Scalar<long>($"SELECT count(*) FROM pg_stat_activity WHERE datname = '{database.Name}' AND application_name = 'dotnet-fm' AND wait_event_type = 'Lock'") > 0)
            {
                return;
            }

            Thread.Sleep(20);
        }

        Assert.Fail(migration.IsCompleted ? $"The migration ended before it was seen waiting for its lock: {migration.Exception?.InnerException?.Message}" : "The migration never waited for its lock.");
    }
}
