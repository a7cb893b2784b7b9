using Nexgent.Schema.Cli;
using Nexgent.Schema.Tests.Cli;
using Nexgent.Schema.Tests.Safety;
using Npgsql;
using NUnit.Framework;
using static Nexgent.Schema.Tests.Online.OnlineDatabase;

namespace Nexgent.Schema.Tests.Online;

/// <summary>
/// <c>Execute.CreateIndexConcurrently</c> through <c>dotnet fm</c>: writers go on while it builds, and a build that fails
/// leaves an INVALID index that the run after the repair replaces instead of failing on it.
/// </summary>
public sealed class ConcurrentIndexTests
{
    [Test]
    public void A_unique_index_failing_over_duplicates_leaves_an_invalid_index_and_migrating_again_after_the_repair_rebuilds_it()
    {
        using var database = At(Created);
        database.Execute("""INSERT INTO trades (id, "accountId", ref, amount) VALUES (1001, 1, 'T-7', 3), (1002, 2, 'T-8', 3)""");

        var failed = Fm.Run("migrate", "up", "-t", Indexed.ToString(), "-a", Assembly, "-c", database.ConnectionString);

        Assert.That(failed.ExitCode, Is.EqualTo(ExitCodes.Failure), failed.ToString());
        Assert.That(failed.Error, Does.Contain(
            "error: Migration 20320102000000 index_trades_concurrently (up) failed: could not create unique index \"trades_ref_key\". It cannot run in a transaction, so part of it stayed: " +
            "the index \"trades_ref_key\" on \"trades\" is INVALID, as a failed CREATE INDEX CONCURRENTLY leaves it (the migration drops it before building it, so running it again rebuilds it); " +
            "the database is marked dirty until you repair it and resolve it as rolled back or applied."));
        Assert.That(Indexes(database), Is.EquivalentTo(new Dictionary<string, bool> { ["trades_pkey"] = true, ["trades_accountId_idx"] = true, ["trades_ref_key"] = false }));
        Assert.That(Fm.Run("migrate", "up", "-t", Indexed.ToString(), "-a", Assembly, "-c", database.ConnectionString).Error,
            Does.Contain("cannot run in a transaction and failed midway"), "nothing runs on a dirty database");

        // The operator's repair: the duplicates go, the failed migration is recorded as not applied, and it runs again.
        database.Execute("DELETE FROM trades WHERE id IN (1001, 1002)");
        var resolved = Fm.Run("resolve", "--rolled-back", Indexed.ToString(), "-a", Assembly, "-c", database.ConnectionString);
        Assert.That(resolved.ExitCode, Is.EqualTo(ExitCodes.Success), resolved.ToString());
        var rerun = Fm.Run("migrate", "up", "-t", Indexed.ToString(), "-a", Assembly, "-c", database.ConnectionString);

        Assert.That(rerun.ExitCode, Is.EqualTo(ExitCodes.Success), rerun.ToString());
        Assert.That(Indexes(database), Is.EquivalentTo(new Dictionary<string, bool> { ["trades_pkey"] = true, ["trades_accountId_idx"] = true, ["trades_ref_key"] = true }));
        Assert.That(database.RecordedVersions(), Is.EqualTo(new[] { Created, Indexed }));
        Assert.That(Fm.Run("status", "-a", Assembly, "-c", database.ConnectionString).Output, Does.Contain("0 failed"));
    }

    [Test]
    public void Writers_go_on_while_the_index_is_built_concurrently_and_the_build_outwaits_the_lock_timeout()
    {
        using var database = At(Created);
        using var observer = database.Open();
        using var reader = database.Open();
        using var writer = database.Open();

        // A transaction that started before the build holds a snapshot: CREATE INDEX CONCURRENTLY waits for it to end
        // before the index can be used, holding its lock on trades meanwhile.
        using var snapshot = reader.BeginTransaction(System.Data.IsolationLevel.RepeatableRead);
        ServerSessions.Scalar(reader, "SELECT count(*) FROM accounts");
        using var migrating = Fm.Start("migrate", "up", "-t", Indexed.ToString(), "--lock-timeout", "1", "-a", Assembly, "-c", database.ConnectionString);
        var building = Building(observer);

        Assert.That(ServerSessions.Scalar(observer, $"SELECT mode FROM pg_locks WHERE pid = {building} AND locktype = 'relation' AND relation = 'trades'::regclass AND granted"),
            Is.EqualTo("ShareUpdateExclusiveLock"), "the lock it holds while it waits: one that no writer waits for");
        ServerSessions.Execute(writer, "SET lock_timeout = '10s'");
        ServerSessions.Execute(writer, """INSERT INTO trades (id, "accountId", ref, amount) VALUES (1001, 1, 'T-1001', 2)""");
        ServerSessions.Execute(writer, "UPDATE trades SET amount = amount + 1 WHERE id = 1");
        Thread.Sleep(TimeSpan.FromSeconds(1.5));
        Assert.That(ServerSessions.Scalar(observer, $"SELECT wait_event FROM pg_stat_activity WHERE pid = {building}"), Is.EqualTo("virtualxid"),
            "still waiting after the runner's lock timeout of 1 s: the build runs without one, as its lock stops no writer");

        snapshot.Commit();
        var run = Fm.Finish(migrating);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
        Assert.That(Indexes(database).Values, Is.All.True);
        Assert.That(database.Scalar<long>("SET enable_seqscan = off; SELECT count(*) FROM trades WHERE ref = 'T-1001'"), Is.EqualTo(1), "the row written during the build is in the index");
    }

    /// <summary>The runner session building an index concurrently, once it waits for the transactions older than the build.</summary>
    private static int Building(NpgsqlConnection observer)
    {
        for (var attempt = 0; attempt < 1200; attempt++)
        {
            if (ServerSessions.Scalar(observer, """
                    SELECT pid FROM pg_stat_activity
                    WHERE datname = current_database() AND application_name = 'dotnet-fm' AND query LIKE 'CREATE INDEX CONCURRENTLY%' AND wait_event = 'virtualxid'
                    LIMIT 1
                    """) is int pid)
            {
                return pid;
            }

            Thread.Sleep(50);
        }

        Assert.Fail("No runner session built an index concurrently.");
        return 0;
    }
}
