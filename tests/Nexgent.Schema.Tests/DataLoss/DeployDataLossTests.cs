using Nexgent.Schema.Cli;
using Nexgent.Schema.Tests.Cli;
using Nexgent.Schema.Tests.Data;
using Nexgent.Schema.Tests.Infrastructure;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.DataLoss;

/// <summary>
/// <c>dotnet fm deploy</c> judges each pending migration on the database as it will be at that step: no alarm for
/// tables that hold no rows (absent now, created empty by an earlier pending migration, or empty), none missed on
/// tables full of rows.
/// </summary>
public sealed class DeployDataLossTests
{
    private static string Lossy => Path.Combine(TestContext.CurrentContext.TestDirectory, "Nexgent.Schema.Tests.LossyMigrations.dll");

    [Test]
    public void Deploy_on_an_empty_database_applies_every_migration_of_nexgent()
    {
        using var database = TestDatabase.Create();

        var run = Fm.Run("deploy", "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
        Assert.That(run.Error, Does.Not.Contain("loses data"), "the tables the migrations drop or change are created empty in the same run");
        Assert.That(database.Catalog(), Is.EqualTo(Golden.CatalogAt(Golden.Latest)));
    }

    /// <summary>20251221120000 deletes every balance snapshot, as it declares: a loss only where there are snapshots.</summary>
    [TestCase(true, ExitCodes.DataLossRefused)]
    [TestCase(false, ExitCodes.Success)]
    public void A_declared_loss_stops_deploy_only_when_its_table_holds_rows(bool withSnapshots, int exitCode)
    {
        using var database = TemplateDatabases.SeededAt(20251220051448);
        if (withSnapshots)
        {
            database.Execute($"""
                INSERT INTO agent_balance_snapshots (id, agent_id, snapshot_timestamp, portfolio_balance_sol, sol_balance, positions_value_sol, unrealized_pnl_sol, updated_at)
                  VALUES ('90000000-0000-0000-0000-000000000001', '{NexgentSeed.AliceSimAgent}', '2026-01-01 00:00:00+00', 100, 100, 0, 0, now());
                """);
        }

        var run = Fm.Run("deploy", "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(exitCode), run.ToString());
        if (withSnapshots)
        {
            Assert.That(run.Error, Does.Contain("Nothing was applied: 1 pending migration(s) would lose data: 20251221120000 add_wallet_address_to_balance_snapshots: every row of agent_balance_snapshots is deleted"));
            Assert.That(database.RecordedVersions().Max(), Is.EqualTo(20251220051448));
        }
    }

    [Test]
    public void Deploy_refuses_every_kind_of_undeclared_loss_on_tables_that_hold_rows_and_applies_nothing()
    {
        using var database = TestDatabase.Create();
        Assert.That(Fm.Run("migrate", "up", "-t", "20340101000000", "-a", Lossy, "-c", database.ConnectionString).ExitCode, Is.EqualTo(ExitCodes.Success));
        database.Execute("""
            INSERT INTO orders (note, amount, legacy_code, status) VALUES ('First ORDER', 1.12345678, 'A1', 'open'), ('Second', 2.5, NULL, 'closed'), ('Third', 3, 'C3', 'open');
            INSERT INTO order_events (kind) VALUES ('created'), ('paid');
            """);
        var catalog = database.Catalog();

        var run = Fm.Run("deploy", "-a", Lossy, "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.DataLossRefused), run.ToString());
        Assert.That(run.Error, Does.Contain("Nothing was applied: 7 pending migration(s) would lose data:")
            .And.Contain("20340102000000 drop_legacy_code: drops the column orders.legacy_code with its values (3 rows).")
            .And.Contain("20340103000000 round_amounts: changes the type of orders.amount from numeric(20,8) to decimal(12,2) (3 rows).")
            .And.Contain("20340104000000 lowercase_notes: overwrites values of orders: UPDATE orders SET note = lower(note) (3 rows).")
            .And.Contain("20340105000000 purge_closed_orders: deletes rows of orders: DELETE FROM orders WHERE status = 'closed' (3 rows).")
            .And.Contain("20340106000000 drop_order_status: drops the type order_status with the values of orders.status (3 rows).")
            .And.Contain("20340107000000 drop_order_events: drops the table order_events (2 rows).")
            .And.Contain("20340108000000 drop_settings: drops the table settings (1 row)."));
        Assert.That(database.RecordedVersions().Max(), Is.EqualTo(20340101000000));
        Assert.That(database.Catalog(), Is.EqualTo(catalog));
    }

    /// <summary>
    /// The same migrations lose nothing where their tables hold no rows, whether the tables exist empty or are created
    /// in the same run: on an empty database the settings row create_orders inserts is the migration's own constant, which
    /// its code keeps, so everything is applied; once applied, that row is data like any other.
    /// </summary>
    [Test]
    public void Deploy_finds_no_loss_in_tables_without_rows()
    {
        using var empty = TestDatabase.Create();

        var all = Fm.Run("deploy", "-a", Lossy, "-c", empty.ConnectionString);

        Assert.That(all.ExitCode, Is.EqualTo(ExitCodes.Success), all.ToString());
        Assert.That(empty.RecordedVersions().Max(), Is.EqualTo(20340108000000));

        using var created = TestDatabase.Create();
        Assert.That(Fm.Run("migrate", "up", "-t", "20340101000000", "-a", Lossy, "-c", created.ConnectionString).ExitCode, Is.EqualTo(ExitCodes.Success));

        var rest = Fm.Run("deploy", "-a", Lossy, "-c", created.ConnectionString);

        Assert.That(rest.ExitCode, Is.EqualTo(ExitCodes.DataLossRefused), rest.ToString());
        Assert.That(rest.Error, Does.Contain("Nothing was applied: 1 pending migration(s) would lose data: 20340108000000 drop_settings: drops the table settings (1 row)."));
    }
}
