using FluentMigrator;
using Nexgent.Schema.Runner;
using Nexgent.Schema.Runner.Rehearsal;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Rehearsal;

/// <summary>How long a rehearsed migration blocked each table, from the locks its statements took: no server.</summary>
public sealed class BlockedTablesTests
{
    [Test]
    public void In_a_transaction_writes_are_blocked_from_the_first_conflicting_statement_and_reads_from_the_first_access_exclusive_until_the_commit()
    {
        var statements = new[]
        {
            Statement(0.5, 1.0, Lock("positions", LockMode.AccessShare)),
            Statement(2.0, 1.0, Lock("positions", LockMode.Share)),
            Statement(3.5, 2.0, Lock("positions", LockMode.AccessExclusive)),
        };

        var blocking = BlockedTables.Of(statements, transactional: true, endSeconds: 10);

        Assert.That(blocking, Is.EqualTo(new[] { new TableBlocking("positions", 8.0, 6.5) }));
    }

    [Test]
    public void Outside_a_transaction_a_table_is_blocked_for_the_longest_statement_that_held_a_conflicting_lock()
    {
        var statements = new[]
        {
            Statement(0, 3.0, Lock("positions", LockMode.Share)),
            Statement(4, 1.0, Lock("positions", LockMode.AccessExclusive)),
            Statement(6, 9.0, Lock("positions", LockMode.ShareUpdateExclusive)),
        };

        var blocking = BlockedTables.Of(statements, transactional: false, endSeconds: 20);

        Assert.That(blocking, Is.EqualTo(new[] { new TableBlocking("positions", 3.0, 1.0) }));
    }

    [Test]
    public void Share_update_exclusive_and_the_row_locks_block_neither_writes_nor_reads()
    {
        var statements = new[] { Statement(0, 5, Lock("positions", LockMode.ShareUpdateExclusive), Lock("agents", LockMode.RowExclusive), Lock("users", LockMode.RowShare)) };

        var blocking = BlockedTables.Of(statements, transactional: true, endSeconds: 6);

        Assert.That(blocking.Select(b => (b.WritesBlockedSeconds, b.ReadsBlockedSeconds)), Is.All.EqualTo((0.0, 0.0)));
        Assert.That(blocking.Select(b => b.Table), Is.EquivalentTo(new[] { "positions", "agents", "users" }));
    }

    [Test]
    public void A_lock_on_an_index_blocks_its_table()
    {
        var statements = new[] { Statement(1, 1, Lock("positions_token_idx", LockMode.AccessExclusive, table: "positions")) };

        Assert.That(BlockedTables.Of(statements, transactional: true, endSeconds: 4), Is.EqualTo(new[] { new TableBlocking("positions", 3.0, 3.0) }));
    }

    [Test]
    public void A_relation_the_migration_created_blocks_no_one()
    {
        var statements = new[] { Statement(0, 1, Lock("snapshots", LockMode.AccessExclusive, isNew: true), Lock("snapshots_pkey", LockMode.AccessExclusive, table: "snapshots", isNew: true)) };

        Assert.That(BlockedTables.Of(statements, transactional: true, endSeconds: 4), Is.Empty);
    }

    [Test]
    public void Tables_come_most_blocked_first()
    {
        var statements = new[]
        {
            Statement(0, 1, Lock("a", LockMode.Share)),
            Statement(1, 1, Lock("b", LockMode.AccessExclusive)),
            Statement(2, 1, Lock("c", LockMode.AccessShare)),
        };

        Assert.That(BlockedTables.Of(statements, transactional: true, endSeconds: 5).Select(b => b.Table), Is.EqualTo(new[] { "b", "a", "c" }));
    }

    [Test]
    public void The_report_gives_each_table_the_longest_blocking_of_any_one_migration()
    {
        var longest = TableBlocking.Longest([new("positions", 2, 0), new("positions", 1, 1), new("agents", 0.5, 0)]);

        Assert.That(longest, Is.EqualTo(new[] { new TableBlocking("positions", 2, 1), new TableBlocking("agents", 0.5, 0) }));
    }

    [TestCase("AccessExclusiveLock", "ACCESS EXCLUSIVE")]
    [TestCase("ShareUpdateExclusiveLock", "SHARE UPDATE EXCLUSIVE")]
    [TestCase("RowExclusiveLock", "ROW EXCLUSIVE")]
    [TestCase("ShareLock", "SHARE")]
    public void Lock_modes_are_read_as_pg_locks_names_them_and_shown_as_postgresql_documents_them(string pgLocks, string shown)
        => Assert.That(LockModes.FromPgLocks(pgLocks)?.SqlName(), Is.EqualTo(shown));

    [Test]
    public void A_mode_that_is_not_a_table_lock_is_not_read()
        => Assert.That(LockModes.FromPgLocks("SIReadLock"), Is.Null);

    [Test]
    public void A_recorded_statement_reports_only_the_locks_its_transaction_did_not_hold_and_leaves_out_the_runners_bookkeeping()
    {
        var positions = new RelationName(1, "positions", "positions");
        var versions = new RelationName(2, "VersionInfo", "VersionInfo");
        var migration = Recorded(transactional: true, positions, versions);
        var alter = new HeldLock(1, LockMode.AccessExclusive);
        var readVersions = new HeldLock(2, LockMode.AccessShare);

        migration.Add("ALTER TABLE positions ...", At(1), At(2), [(alter, positions), (readVersions, versions)], failed: false);
        migration.Add("UPDATE positions ...", At(3), At(1), [(alter, positions), (new HeldLock(1, LockMode.RowExclusive), positions), (readVersions, versions)], failed: false);
        migration.Add("""INSERT INTO "public"."VersionInfo" ("Version", "AppliedOn", "Description") VALUES (1, '2026-01-01', 'x')""", At(4), At(0.1), [(new HeldLock(2, LockMode.RowExclusive), versions)], failed: false);
        migration.End = At(5);

        var report = migration.Report(RehearsalOutcome.Applied, []);
        Assert.That(report.Statements.Select(s => s.Sql), Is.EqualTo(new[] { "ALTER TABLE positions ...", "UPDATE positions ..." }), "the version's row is the runner's");
        Assert.That(report.Statements.Select(s => string.Join(", ", s.Locks.Select(l => $"{l.Relation} {l.Mode}"))), Is.EqualTo(new[] { "positions ACCESS EXCLUSIVE", "positions ROW EXCLUSIVE" }));
        Assert.That(report.Statements.Select(s => s.StartSeconds), Is.EqualTo(new[] { 1.0, 3.0 }), "from the start of the migration");
        Assert.That(report.Seconds, Is.EqualTo(5.0));
        Assert.That(report.Blocking, Is.EqualTo(new[] { new TableBlocking("positions", 4.0, 4.0) }));
    }

    [Test]
    public void A_table_the_migration_dropped_is_named_as_it_was_before()
    {
        var migration = Recorded(transactional: true, new RelationName(7, "old_positions", "old_positions"));

        migration.Add("DROP TABLE old_positions", At(0), At(1), [(new HeldLock(7, LockMode.AccessExclusive), null)], failed: false);
        migration.End = At(2);

        var taken = migration.Report(RehearsalOutcome.Applied, []).Statements.Single().Locks.Single();
        Assert.That((taken.Relation, taken.Mode, taken.NewRelation), Is.EqualTo(("old_positions", "ACCESS EXCLUSIVE", false)));
    }

    [Test]
    public void Outside_a_transaction_each_statement_reports_every_lock_it_held_again()
    {
        var positions = new RelationName(1, "positions", "positions");
        var migration = Recorded(transactional: false, positions);
        var index = new HeldLock(1, LockMode.ShareUpdateExclusive);

        migration.Add("CREATE INDEX CONCURRENTLY a ...", At(0), At(1), [(index, positions)], failed: false);
        migration.Add("CREATE INDEX CONCURRENTLY b ...", At(1), At(1), [(index, positions)], failed: false);
        migration.End = At(2);

        Assert.That(migration.Report(RehearsalOutcome.Applied, []).Statements.Select(s => s.Locks.Count), Is.EqualTo(new[] { 1, 1 }));
    }

    [Test]
    public void The_text_report_marks_the_failed_statement_and_says_the_locks_were_held_until_the_rollback()
    {
        var failed = new RehearsedMigration(2, "require_positive_amounts", true, RehearsalOutcome.Failed, 2.0,
            [Statement(0.5, 0.5, Lock("ledger", LockMode.AccessExclusive)), new RehearsedStatement("ALTER TABLE ledger ADD CONSTRAINT c CHECK (amount >= 0)", 1.0, 0.5, [], Failed: true)],
            [new TableBlocking("ledger", 1.5, 1.5)], []);
        var notRun = new RehearsedMigration(3, "unique_ledger_refs", false, RehearsalOutcome.NotRun, 0, [], [], ["ledger.ref is dropped with its values."]);
        var report = new RehearsalReport("db", "db_shadow_x on the same server", 0.25, 1, [failed, notRun], "Migration 2 failed.");

        var text = RehearsalText.Format(report);

        Assert.That(text, Does.Contain("FAILED: ALTER TABLE ledger ADD CONSTRAINT c CHECK (amount >= 0)")
            .And.Contain("blocked until the rollback: ledger writes 1.500 s and reads 1.500 s")
            .And.Contain("3 unique_ledger_refs: not run, a migration before it failed")
            .And.Contain("A deploy would refuse 1 migration(s) that lose data, unless the loss is accepted:\n  3 unique_ledger_refs: ledger.ref is dropped with its values.")
            .And.EndWith("The deploy would fail: Migration 2 failed.\n"));
        Assert.That(report.VersionAfter, Is.EqualTo(1));
    }

    [Test]
    public void The_text_report_shows_the_strongest_lock_on_each_relation_and_an_index_only_when_locked_harder_than_its_table()
    {
        var statement = Statement(0, 1,
            Lock("trading_signals", LockMode.AccessExclusive), Lock("trading_signals_pkey", LockMode.AccessShare, table: "trading_signals"),
            Lock("users", LockMode.AccessShare), Lock("users", LockMode.ShareRowExclusive), Lock("users_pkey", LockMode.AccessShare, table: "users"),
            Lock("agents", LockMode.AccessShare), Lock("agents_name_idx", LockMode.AccessExclusive, table: "agents"));
        var migration = new RehearsedMigration(1, "m", true, RehearsalOutcome.Applied, 1, [statement], [], []);

        var text = RehearsalText.Format(new RehearsalReport("db", "copy", 0, 0, [migration], null));

        var lines = text.Split('\n').SkipWhile(l => !l.Contains("locks taken")).ToList();
        var (from, to) = (lines[0].IndexOf("locks taken"), lines[0].IndexOf("statement"));
        var shown = lines.Skip(1).TakeWhile(l => !l.Contains("blocked")).Select(l => l[from..Math.Min(to, l.Length)].Trim()).ToList();
        Assert.That(shown, Is.EquivalentTo(new[] { "trading_signals ACCESS EXCLUSIVE", "users SHARE ROW EXCLUSIVE", "agents ACCESS SHARE", "agents_name_idx (of agents) ACCESS EXCLUSIVE" }), text);
    }

    private static RecordedMigration Recorded(bool transactional, params RelationName[] before)
        => new(new MigrationStep(1, "m", MigrationDirection.Up, []), transactional, before.ToDictionary(r => r.Oid), TimeSpan.Zero);

    private static TimeSpan At(double seconds) => TimeSpan.FromSeconds(seconds);

    private static RehearsedStatement Statement(double start, double seconds, params TakenLock[] locks) => new($"statement at {start}", start, seconds, locks, Failed: false);

    private static TakenLock Lock(string relation, LockMode mode, string? table = null, bool isNew = false)
        => new(relation, table ?? relation, mode.SqlName(), isNew) { Level = mode };
}
