using Nexgent.Schema.Cli;
using Nexgent.Schema.Tests.Cli;
using Nexgent.Schema.Tests.Infrastructure;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Safety;

/// <summary>
/// The session holding a runner's migration lock ends in the middle of a run (an administrator terminates it, the
/// server closes it): two runners may then both think they hold the lock, and still never run the same migration.
/// </summary>
public sealed class LockLossTests
{
    private const long CreateLedger = 20310101000000;
    private const long RequirePositiveAmounts = 20310102000000;
    private const long ArchiveLedger = 20310104000000;
    private const long AuditLedger = 20310105000000;

    private static string Ledger => Path.Combine(TestContext.CurrentContext.TestDirectory, "Nexgent.Schema.Tests.LedgerMigrations.dll");

    [Test]
    public void A_runner_that_loses_its_lock_stops_before_its_next_migration_and_says_where_it_left_the_database()
    {
        using var database = LedgerAt(CreateLedger);
        using var observer = database.Open();
        using var holder = database.Open();
        var read = ServerSessions.Hold(holder, "LOCK TABLE ledger IN ACCESS SHARE MODE");

        using var runner = Fm.Start("migrate", "-a", Ledger, "-c", database.ConnectionString, "--lock-timeout", "60");
        ServerSessions.WaitingForALock(observer); // 20310102000000 waits for the table
        ServerSessions.Terminate(observer, ServerSessions.LockHolder(observer));
        read.Commit();
        var run = Fm.Finish(runner);

        // The next migration cannot run in a transaction: only the lock kept another runner from running it too.
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failure), run.ToString());
        Assert.That(run.Error, Does.StartWith("error: The migration lock on ").And.Contain(
            $" was lost (its session ended), so this runner stopped before 20310103000000 unique_ledger_refs (up): it left the database at version {RequirePositiveAmounts}, each migration whole, and another runner may be migrating it now; check `dotnet fm status` before running again.\n"));
        Assert.That(run.Output, Does.Contain($"Applied {RequirePositiveAmounts} ").And.Not.Contain("Applying 20310103000000"));
        Assert.That(database.RecordedVersions(), Is.EqualTo(new[] { CreateLedger, RequirePositiveAmounts }));
        Assert.That(database.Scalar<bool>("SELECT to_regclass('public.ledger_ref_key') IS NULL"), Is.True, "20310103000000 never started");
        ServerSessions.AssertEveryVersionJournaled(database);
        Assert.That(database.Scalar<long>("SELECT count(*) FROM \"VersionJournal\" WHERE \"State\" <> 'applied'"), Is.Zero, "not dirty");

        var rerun = Fm.Run("migrate", "-a", Ledger, "-c", database.ConnectionString);
        Assert.That(rerun.ExitCode, Is.EqualTo(ExitCodes.Success), rerun.ToString());
        Assert.That(database.RecordedVersions().Max(), Is.EqualTo(AuditLedger));
    }

    [Test]
    public void A_second_runner_never_applies_the_migration_a_runner_that_lost_its_lock_is_still_applying()
    {
        using var database = LedgerAt(ArchiveLedger);
        database.Execute("INSERT INTO ledger VALUES (1, 'A-1', 10), (2, 'A-2', 20), (3, 'A-3', 30)");
        using var observer = database.Open();
        using var holder = database.Open();
        var table = ServerSessions.Hold(holder, "LOCK TABLE ledger IN ACCESS EXCLUSIVE MODE");

        using var first = Fm.Start("migrate", "-a", Ledger, "-c", database.ConnectionString, "--lock-timeout", "60");
        var applying = ServerSessions.WaitingForALock(observer); // inside 20310105000000, which reads the ledger
        ServerSessions.Terminate(observer, ServerSessions.LockHolder(observer));
        using var second = Fm.Start("migrate", "-a", Ledger, "-c", database.ConnectionString, "--lock-timeout", "60");
        ServerSessions.WaitingForAnotherRunner(observer, except: applying); // the second took the lost lock and reached the same migration
        table.Commit();
        var firstRun = Fm.Finish(first);
        var secondRun = Fm.Finish(second);

        Assert.That(firstRun.Output, Does.Contain($"Applied {AuditLedger} "), firstRun.ToString());
        Assert.That(firstRun.ExitCode, Is.EqualTo(ExitCodes.Failure), firstRun.ToString());
        Assert.That(firstRun.Error, Does.Contain(
            $" was lost (its session ended) before this runner finished: it left the database at version {AuditLedger}, each migration whole, but another runner may have been migrating it meanwhile; check `dotnet fm status` before running again.\n"));
        Assert.That(secondRun.ExitCode, Is.EqualTo(ExitCodes.Success), secondRun.ToString());
        Assert.That(secondRun.Output, Does.Not.Contain($"Applying {AuditLedger}").And.Not.Contain($"Applied {AuditLedger}"));
        Assert.That(secondRun.Error, Does.Contain($"warning: {AuditLedger} audit_ledger (up) was applied by another runner while this one waited for it; skipped."));
        Assert.That(database.Scalar<long>("SELECT count(*) FROM ledger_audit"), Is.EqualTo(3), "the data step ran once");
        Assert.That(database.RecordedVersions().Max(), Is.EqualTo(AuditLedger));
        ServerSessions.AssertEveryVersionJournaled(database);
    }

    private static TestDatabase LedgerAt(long version)
    {
        var database = TestDatabase.Create();
        var setUp = Fm.Run("migrate", "up", "-t", version.ToString(), "-a", Ledger, "-c", database.ConnectionString);
        Assert.That(setUp.ExitCode, Is.EqualTo(ExitCodes.Success), setUp.ToString());
        return database;
    }
}
