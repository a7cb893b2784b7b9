using Nexgent.Schema.Cli;
using Nexgent.Schema.Tests.Cli;
using Nexgent.Schema.Tests.Infrastructure;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Safety;

/// <summary>
/// Migrations that fail on the rows they meet: in a transaction nothing of them stays; outside one
/// (CREATE INDEX CONCURRENTLY) the database is marked dirty until a person resolves it.
/// </summary>
public sealed class FailureTests
{
    private static string Ledger => Path.Combine(TestContext.CurrentContext.TestDirectory, "Nexgent.Schema.Tests.LedgerMigrations.dll");

    [Test]
    public void A_failing_migration_is_rolled_back_whole_and_named_with_its_statement()
    {
        using var database = LedgerAt(20310101000000);
        database.Execute("INSERT INTO ledger VALUES (1, 'A-1', 10), (2, 'A-2', -5)");
        var catalog = database.Catalog();
        var data = DataChecksums(database);

        var run = Fm.Run("migrate", "-a", Ledger, "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failure), run.ToString());
        Assert.That(run.Error, Does.Contain("error: Migration 20310102000000 require_positive_amounts (up) failed and was rolled back: check constraint \"ledger_amount_positive\" of relation \"ledger\" is violated by some row.")
            .And.Contain("\n  statement: ALTER TABLE ledger ADD CONSTRAINT ledger_amount_positive CHECK (amount >= 0)\n"));
        Assert.That(database.Catalog(), Is.EqualTo(catalog), "the column added before the failing statement is gone too");
        Assert.That(DataChecksums(database), Is.EqualTo(data), "every table's rows as they were");
        Assert.That(database.RecordedVersions(), Is.EqualTo(new[] { 20310101000000L }));
        Assert.That(Fm.Run("status", "-a", Ledger, "-c", database.ConnectionString).Output, Does.Contain("0 failed"));
    }

    [Test]
    public void A_non_transactional_migration_that_fails_midway_marks_the_database_dirty_until_resolved_as_rolled_back()
    {
        using var database = LedgerAt(20310102000000);
        database.Execute("INSERT INTO ledger VALUES (1, 'A-1', 10), (2, 'A-1', 20)");

        var failed = Fm.Run("migrate", "-a", Ledger, "-c", database.ConnectionString);

        Assert.That(failed.ExitCode, Is.EqualTo(ExitCodes.Failure), failed.ToString());
        Assert.That(failed.Error, Does.Contain(
            "error: Migration 20310103000000 unique_ledger_refs (up) failed: could not create unique index \"ledger_ref_key\". It cannot run in a transaction, so part of it stayed: " +
            "the index \"ledger_ref_key\" on \"ledger\" is INVALID, as a failed CREATE INDEX CONCURRENTLY leaves it (drop it with DROP INDEX CONCURRENTLY \"public\".\"ledger_ref_key\"); " +
            "the database is marked dirty until you repair it and resolve it as rolled back or applied."));
        Assert.That(failed.Error, Does.Not.Contain("rolled back:"), "nothing of it was rolled back");
        Assert.That(database.Scalar<bool>("SELECT NOT indisvalid FROM pg_index WHERE indexrelid = 'ledger_ref_key'::regclass"), Is.True, "CONCURRENTLY left an invalid index");

        var status = Fm.Run("status", "-a", Ledger, "-c", database.ConnectionString);
        Assert.That(status.ExitCode, Is.EqualTo(ExitCodes.NotUpToDate), status.ToString());
        Assert.That(status.Output, Does.Contain("failed   20310103000000 unique_ledger_refs"));

        var refused = Fm.Run("migrate", "-a", Ledger, "-c", database.ConnectionString);
        Assert.That(refused.ExitCode, Is.EqualTo(ExitCodes.Failure));
        Assert.That(refused.Error, Does.Contain("cannot run in a transaction and failed midway").And.Contain("dotnet fm resolve --rolled-back 20310103000000"));
        Assert.That(Fm.Run("rollback", "-a", Ledger, "-c", database.ConnectionString).ExitCode, Is.EqualTo(ExitCodes.Failure), "no rollback on a dirty database either");

        database.Execute("DROP INDEX ledger_ref_key; UPDATE ledger SET ref = 'A-2' WHERE id = 2;");
        var resolved = Fm.Run("resolve", "--rolled-back", "20310103000000", "-a", Ledger, "-c", database.ConnectionString);
        Assert.That(resolved.ExitCode, Is.EqualTo(ExitCodes.Success), resolved.ToString());

        var rerun = Fm.Run("migrate", "-a", Ledger, "-c", database.ConnectionString);
        Assert.That(rerun.ExitCode, Is.EqualTo(ExitCodes.Success), rerun.ToString());
        Assert.That(database.Scalar<bool>("SELECT indisvalid FROM pg_index WHERE indexrelid = 'ledger_ref_key'::regclass"), Is.True);
        Assert.That(database.RecordedVersions(), Has.Member(20310103000000L));
    }

    [Test]
    public void A_dirty_migration_completed_by_hand_is_resolved_as_applied()
    {
        using var database = LedgerAt(20310102000000);
        database.Execute("INSERT INTO ledger VALUES (1, 'A-1', 10), (2, 'A-1', 20)");
        Assert.That(Fm.Run("migrate", "up", "-t", "20310103000000", "-a", Ledger, "-c", database.ConnectionString).ExitCode, Is.EqualTo(ExitCodes.Failure));

        database.Execute("DROP INDEX ledger_ref_key; DELETE FROM ledger WHERE id = 2; CREATE UNIQUE INDEX ledger_ref_key ON ledger (ref);");
        var resolved = Fm.Run("resolve", "--applied", "20310103000000", "-a", Ledger, "-c", database.ConnectionString);
        var status = Fm.Run("status", "-a", Ledger, "-c", database.ConnectionString);

        Assert.That(resolved.ExitCode, Is.EqualTo(ExitCodes.Success), resolved.ToString());
        Assert.That(database.RecordedVersions(), Is.EqualTo(new[] { 20310101000000L, 20310102000000L, 20310103000000L }));
        Assert.That(status.Output, Does.Contain("3 applied, 2 pending, 0 unknown, 0 failed"));
    }

    [Test]
    public void Resolve_refuses_a_migration_that_did_not_fail()
    {
        using var database = LedgerAt(20310102000000);

        var run = Fm.Run("resolve", "--applied", "20310102000000", "-a", Ledger, "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failure), run.ToString());
        Assert.That(run.Error, Does.Contain("is not marked as failed, so there is nothing to resolve"));
    }

    /// <summary>An md5 of every row of every table in the schema, table by table.</summary>
    private static Dictionary<string, string> DataChecksums(TestDatabase database)
        => database.Rows("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")
            .Select(r => (string)r[0]!)
            .ToDictionary(t => t, t => database.Scalar<string>($"SELECT coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM \"{t}\" t")!);

    private static TestDatabase LedgerAt(long version)
    {
        var database = TestDatabase.Create();
        var run = Fm.Run("migrate", "up", "-t", version.ToString(), "-a", Ledger, "-c", database.ConnectionString);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
        return database;
    }
}
