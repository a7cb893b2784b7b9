using Nexgent.Schema.Cli;
using Nexgent.Schema.Postgres;
using Nexgent.Schema.Tests.Cli;
using Nexgent.Schema.Tests.Safety;
using Npgsql;
using NUnit.Framework;
using static Nexgent.Schema.Tests.Online.OnlineDatabase;

namespace Nexgent.Schema.Tests.Online;

/// <summary>
/// <c>Execute.BackfillInBatches</c>: a <c>DO</c> block that commits each batch, run by <c>dotnet fm</c> outside a
/// transaction, its progress shown as it goes, and resumed where it stopped when it was cut off.
/// </summary>
public sealed class BackfillTests
{
    [Test]
    public void A_batched_backfill_shows_its_progress_as_it_goes_and_fills_every_row()
    {
        using var database = At(Validated);

        var run = Fm.Run("migrate", "up", "-t", Backfilled.ToString(), "-a", Assembly, "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
        var lines = run.Output.Split('\n');
        var progress = lines.SkipWhile(l => !l.StartsWith("Applying 20320105000000 backfill_trades_fee...")).Skip(1).TakeWhile(l => !l.StartsWith("Applied ")).ToList();
        Assert.That(progress, Is.EqualTo(Enumerable.Range(1, 10).Select(i => $"NOTICE: trades: {i * 100} rows updated so far").Append("NOTICE: trades: done, 1000 rows updated")));
        Assert.That(run.Output, Does.Not.Contain("skipping"), "PostgreSQL's own remarks are not shown");
        Assert.That(database.Scalar<long>("SELECT count(*) FROM trades WHERE fee IS DISTINCT FROM round(amount * 0.001, 2)"), Is.Zero);
    }

    [Test]
    public void A_backfill_cut_off_midway_keeps_its_batches_and_migrating_again_fills_only_the_rows_left()
    {
        using var database = At(Validated);
        using var observer = database.Open();
        using var holder = database.Open();

        // A writer holds the row the backfill reaches last (the last one in the table's pages): the backfill, which waits
        // for a locked row rather than skip it, stops there with every batch before committed.
        var held = ServerSessions.Hold(holder, "SELECT 1 FROM trades WHERE ctid = (SELECT max(ctid) FROM trades) FOR UPDATE");
        using var migrating = Fm.Start("migrate", "up", "-t", Backfilled.ToString(), "-a", Assembly, "-c", database.ConnectionString);
        var backfill = ServerSessions.WaitingForALock(observer);

        Assert.That(ServerSessions.Scalar(observer, $"SELECT string_agg(mode, ', ' ORDER BY mode) FROM pg_locks WHERE pid = {backfill} AND locktype = 'relation' AND relation = 'trades'::regclass AND granted"),
            Is.EqualTo("RowExclusiveLock, RowShareLock"), "the table locks of an UPDATE ... FOR UPDATE: writers go on");
        var filledBefore = Filled(database);
        Assert.That(filledBefore.Count % 100, Is.Zero, "whole batches committed");
        Assert.That(filledBefore, Has.Count.InRange(100, 900), "(nine of them, when the rows are in the pages in the order they were inserted)");
        ServerSessions.Scalar(observer, $"SELECT pg_cancel_backend({backfill})");
        var cut = Fm.Finish(migrating);
        held.Rollback();

        Assert.That(cut.ExitCode, Is.EqualTo(ExitCodes.Failure), cut.ToString());
        Assert.That(cut.Output, Does.Contain($"NOTICE: trades: {filledBefore.Count} rows updated so far\n").And.Not.Contain("done"));
        Assert.That(cut.Error, Does.Contain("error: Migration 20320105000000 backfill_trades_fee (up) failed: canceling statement due to user request."));
        Assert.That(Filled(database), Is.EqualTo(filledBefore), "the batches committed before stay; the one cut off is rolled back");

        var resolved = Fm.Run("resolve", "--rolled-back", Backfilled.ToString(), "-a", Assembly, "-c", database.ConnectionString);
        Assert.That(resolved.ExitCode, Is.EqualTo(ExitCodes.Success), resolved.ToString());
        var rerun = Fm.Run("migrate", "up", "-t", Backfilled.ToString(), "-a", Assembly, "-c", database.ConnectionString);

        Assert.That(rerun.ExitCode, Is.EqualTo(ExitCodes.Success), rerun.ToString());
        Assert.That(rerun.Output, Does.Contain($"NOTICE: trades: done, {1000 - filledBefore.Count} rows updated"), "only the rows left");
        Assert.That(database.Scalar<long>("SELECT count(*) FROM trades WHERE fee IS DISTINCT FROM round(amount * 0.001, 2)"), Is.Zero);
        var after = Filled(database);
        Assert.That(filledBefore.Keys.Where(id => after[id] != filledBefore[id]), Is.Empty, "no row filled before was written again (its xmin is the same)");
    }

    [Test]
    public void A_backfill_whose_set_leaves_its_rows_to_fill_stops_instead_of_running_for_ever()
    {
        using var database = At(Validated);
        var sql = SqlOf(e => e.BackfillInBatches("trades", "fee = NULL", "fee IS NULL", batchSize: 100)).Single();

        using var connection = database.Open();
        var stopped = Assert.Throws<PostgresException>(() => ServerSessions.Execute(connection, sql));

        Assert.That(stopped!.MessageText, Is.EqualTo("Backfill of trades: 100 row(s) of a batch still match \"fee IS NULL\" after \"SET fee = NULL\", so it would never end."));
        Assert.That(stopped.Hint, Is.EqualTo("Make the SET clause fill what the WHERE clause looks for."));
    }

    [Test]
    public void A_backfill_fills_a_column_named_like_one_of_its_variables()
    {
        using var database = At(Validated);
        database.Execute("ALTER TABLE trades ADD COLUMN total numeric(12,2)");
        var sql = SqlOf(e => e.BackfillInBatches("trades", "total = amount + coalesce(fee, 0)", "total IS NULL", batchSize: 300)).Single();

        using var connection = database.Open();
        ServerSessions.Execute(connection, sql);

        Assert.That(database.Scalar<long>("SELECT count(*) FROM trades WHERE total IS DISTINCT FROM amount"), Is.Zero);
    }

    /// <summary>The rows whose fee is filled, each with its xmin: the transaction that last wrote it.</summary>
    private static Dictionary<int, string> Filled(TestDatabase database)
        => database.Rows("SELECT id, xmin::text FROM trades WHERE fee IS NOT NULL").ToDictionary(r => (int)r[0]!, r => (string)r[1]!);
}
