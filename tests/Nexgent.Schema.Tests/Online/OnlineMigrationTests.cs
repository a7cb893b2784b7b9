using Nexgent.Schema.Runner;
using Npgsql;
using NUnit.Framework;
using static Nexgent.Schema.Tests.Online.OnlineDatabase;

namespace Nexgent.Schema.Tests.Online;

/// <summary>Each online building block up and down on PostgreSQL, with rows in the table, and what the catalog says after each.</summary>
public sealed class OnlineMigrationTests
{
    private static IEnumerable<long> Versions => UnderTest.Versions;

    [TestCaseSource(nameof(Versions))]
    public void Each_online_migration_goes_up_down_and_up_again(long version) => UnderTest.RoundTrip(TestServer.Current, version);

    [Test]
    public void The_concurrent_indexes_are_built_valid_and_dropped_by_the_rollback()
    {
        using var database = At(Created);

        UnderTest.MigrateUp(database, Indexed);
        Assert.That(Indexes(database), Is.EquivalentTo(new Dictionary<string, bool> { ["trades_pkey"] = true, ["trades_accountId_idx"] = true, ["trades_ref_key"] = true }));
        Assert.That(database.Catalog(), Does.Contain("index CREATE UNIQUE INDEX trades_ref_key ON public.trades USING btree (ref)")
            .And.Contain("index CREATE INDEX \"trades_accountId_idx\" ON public.trades USING btree (\"accountId\")"));

        UnderTest.MigrateDown(database, Created);
        Assert.That(Indexes(database).Keys, Is.EqualTo(new[] { "trades_pkey" }));
    }

    [Test]
    public void Constraints_added_not_valid_hold_new_rows_at_once_and_the_old_ones_when_validated()
    {
        using var database = At(Indexed);
        database.Execute("""INSERT INTO trades (id, "accountId", ref, amount) VALUES (1001, 1, 'T-1001', -5), (1002, 99, 'T-1002', 1)""");

        UnderTest.MigrateUp(database, ConstraintsAdded);
        Assert.That(Constraints(database), Is.EquivalentTo(new Dictionary<string, bool> { ["trades_accountId_fkey"] = false, ["trades_amount_positive"] = false }),
            "added over rows that break them: NOT VALID reads none of the rows already there");
        Assert.That(database.Catalog(), Does.Contain("constraint trades trades_accountId_fkey FOREIGN KEY (\"accountId\") REFERENCES accounts(id) ON UPDATE CASCADE ON DELETE CASCADE NOT VALID")
            .And.Contain("constraint trades trades_amount_positive CHECK ((amount > (0)::numeric)) NOT VALID"));
        Assert.That(() => database.Execute("""INSERT INTO trades (id, "accountId", ref, amount) VALUES (1003, 1, 'T-1003', -1)"""),
            Throws.InstanceOf<PostgresException>().With.Property(nameof(PostgresException.ConstraintName)).EqualTo("trades_amount_positive"), "a new row is checked");
        Assert.That(() => database.Execute("""INSERT INTO trades (id, "accountId", ref, amount) VALUES (1003, 77, 'T-1003', 1)"""),
            Throws.InstanceOf<PostgresException>().With.Property(nameof(PostgresException.ConstraintName)).EqualTo("trades_accountId_fkey"));

        var refused = Assert.Throws<SchemaRunnerException>(() => UnderTest.MigrateUp(database, Validated));
        Assert.That(refused!.Sentence, Does.StartWith("Migration 20320104000000 validate_trades_constraints (up) failed and was rolled back: insert or update on table \"trades\" violates foreign key constraint \"trades_accountId_fkey\""));
        Assert.That(Constraints(database).Values, Is.All.False, "still NOT VALID");

        database.Execute("DELETE FROM trades WHERE id IN (1001, 1002)");
        UnderTest.MigrateUp(database, Validated);
        Assert.That(Constraints(database).Values, Is.All.True);

        UnderTest.MigrateDown(database, ConstraintsAdded);
        Assert.That(Constraints(database), Is.EquivalentTo(new Dictionary<string, bool> { ["trades_accountId_fkey"] = false, ["trades_amount_positive"] = false }),
            "the Down of the validation leaves them as they were before it");
        Assert.That(database.Catalog(), Is.EquivalentTo(TestServer.Current.Templates(UnderTest).CatalogAt(ConstraintsAdded)));

        UnderTest.MigrateDown(database, Indexed);
        Assert.That(Constraints(database), Is.Empty);
    }

    [Test]
    public void The_batched_backfill_fills_every_row_and_its_down_empties_them_again()
    {
        using var database = At(Validated);

        UnderTest.MigrateUp(database, Backfilled);
        Assert.That(database.Scalar<long>("SELECT count(*) FROM trades WHERE fee IS DISTINCT FROM round(amount * 0.001, 2)"), Is.Zero);

        UnderTest.MigrateDown(database, Validated);
        Assert.That(database.Scalar<long>("SELECT count(*) FROM trades WHERE fee IS NOT NULL"), Is.Zero);
    }

    [Test]
    public void Set_not_null_online_leaves_the_column_not_null_and_no_check_behind_and_its_down_drops_it()
    {
        using var database = At(Backfilled);

        UnderTest.MigrateUp(database, Required);
        Assert.That(IsNotNull(database, "fee"), Is.True);
        Assert.That(Constraints(database).Keys, Is.EquivalentTo(new[] { "trades_accountId_fkey", "trades_amount_positive" }), "the temporary check is gone");

        UnderTest.MigrateDown(database, Backfilled);
        Assert.That(IsNotNull(database, "fee"), Is.False);
    }
}
