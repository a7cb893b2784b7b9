using Nexgent.Schema.Runner.Safety;
using Nexgent.Schema.Tests.Infrastructure;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Data;

/// <summary>The rollback decisions HISTORY.md asks for, on databases that hold data.</summary>
public sealed class RollbackDecisionTests
{
    private const long SnapshotsAdded = 20251220051448;
    private const long TokenPricesWidened = 20251220052327;
    private const long TransactionAmountsWidened = 20251220053027;
    private const long CloseReasonAdded = 20251221000651;
    private const long SnapshotsPerWallet = 20251221120000;
    private const long AutomatedTradingAdded = 20260106120000;
    private const long AutomatedTradingSplit = 20260106130000;

    [Test]
    public void Narrowing_token_prices_refuses_values_with_more_than_eight_decimals_and_changes_nothing()
    {
        using var database = TemplateDatabases.SeededAt(TokenPricesWidened);
        database.Execute($"UPDATE agent_positions SET purchase_price = 0.000000123456789 WHERE id = '{NexgentSeed.MemecoinPosition}'");
        var catalog = database.Catalog();

        var error = Assert.Throws<RollbackRefusedException>(() => Migrator.Down(database, SnapshotsAdded))!;

        Assert.That(error.Message, Does.Contain("agent_positions.purchase_price to numeric(20,8) in 20251220052327 increase_decimal_precision_for_token_prices (1 row)"));
        Assert.That(error.Message, Does.Contain("round(purchase_price, 8)"));
        Assert.That(database.RecordedVersions().Max(), Is.EqualTo(TokenPricesWidened));
        Assert.That(database.Catalog(), Is.EqualTo(catalog));
        Assert.That(database.Scalar<decimal>($"SELECT purchase_price FROM agent_positions WHERE id = '{NexgentSeed.MemecoinPosition}'"),
            Is.EqualTo(0.000000123456789m));
    }

    /// <summary>
    /// numeric(30,18) holds at most 12 integer digits, like numeric(20,8); the value that would overflow
    /// is one that rounding to 8 decimals carries over into a 13th digit. It is refused, not rounded.
    /// </summary>
    [Test]
    public void Narrowing_refuses_a_value_that_rounding_would_overflow()
    {
        using var database = TemplateDatabases.SeededAt(TokenPricesWidened);
        database.Execute("UPDATE agent_historical_swaps SET amount = 999999999999.999999999 WHERE token_symbol = 'RUG'");

        var error = Assert.Throws<RollbackRefusedException>(() => Migrator.Down(database, SnapshotsAdded))!;

        Assert.That(error.Message, Does.Contain("agent_historical_swaps.amount to numeric(20,8) in 20251220052327 increase_decimal_precision_for_token_prices (1 row)"));
        Assert.That(database.RecordedVersions().Max(), Is.EqualTo(TokenPricesWidened));
    }

    [Test]
    public void Narrowing_keeps_the_largest_value_that_fits_exactly()
    {
        using var database = TemplateDatabases.SeededAt(TokenPricesWidened);
        database.Execute("UPDATE agent_historical_swaps SET amount = 999999999999.99999999 WHERE token_symbol = 'RUG'");

        Migrator.Down(database, SnapshotsAdded);

        Assert.That(database.Scalar<decimal>("SELECT amount FROM agent_historical_swaps WHERE token_symbol = 'RUG'"), Is.EqualTo(999999999999.99999999m));
    }

    [Test]
    public void Narrowing_goes_through_once_the_operator_has_rounded_the_values()
    {
        using var database = TemplateDatabases.SeededAt(TransactionAmountsWidened);
        database.Execute("UPDATE agent_transactions SET output_price = 0.000000123456789 WHERE output_symbol = 'MEME'");
        Assert.Throws<RollbackRefusedException>(() => Migrator.Down(database, TokenPricesWidened));

        database.Execute("UPDATE agent_transactions SET output_price = round(output_price, 8)");
        Migrator.Down(database, TokenPricesWidened);

        Assert.That(database.Scalar<decimal>("SELECT output_price FROM agent_transactions WHERE output_symbol = 'MEME'"), Is.EqualTo(0.00000012m));
        Assert.That(database.Catalog(), Is.EquivalentTo(Golden.CatalogAt(TokenPricesWidened)));
    }

    [Test]
    public void Values_that_fit_keep_their_exact_value_through_widening_and_narrowing()
    {
        using var database = TemplateDatabases.SeededAt(SnapshotsAdded);
        const string prices = "SELECT purchase_price, purchase_amount, peak_price FROM agent_positions ORDER BY id";
        var before = database.Rows(prices);

        Migrator.Up(database, TransactionAmountsWidened);
        Migrator.Down(database, SnapshotsAdded);

        Assert.That(database.Rows(prices), Is.EqualTo(before));
    }

    /// <summary>
    /// Decision: where several wallets of one agent were snapshotted at the same instant, Down keeps the
    /// snapshot of the wallet whose type is the agent's trading_mode and deletes the others.
    /// </summary>
    [Test]
    public void Rolling_back_per_wallet_snapshots_keeps_the_trading_wallets_snapshot_at_a_shared_instant()
    {
        using var database = TemplateDatabases.SeededAt(SnapshotsPerWallet);
        const string agent = NexgentSeed.AliceLiveAgent;
        database.Execute($"""
            INSERT INTO agent_wallets (wallet_address, agent_id, wallet_type, updated_at)
              VALUES ('SecondSimWa11et111111111111111111111111111', '{agent}', 'simulation', now());
            INSERT INTO agent_balance_snapshots (id, agent_id, snapshot_timestamp, portfolio_balance_sol, sol_balance, positions_value_sol, unrealized_pnl_sol, updated_at, wallet_address) VALUES
              ('90000000-0000-0000-0000-000000000001', '{agent}', '2026-01-01 00:00:00+00', 100, 100, 0, 0, now(), 'SecondSimWa11et111111111111111111111111111'),
              ('90000000-0000-0000-0000-000000000002', '{agent}', '2026-01-01 00:00:00+00', 3.25, 3.25, 0, 0, now(), '{NexgentSeed.LiveWallet}'),
              ('90000000-0000-0000-0000-000000000003', '{agent}', '2026-01-01 01:00:00+00', 101, 101, 0, 0, now(), 'SecondSimWa11et111111111111111111111111111'),
              ('90000000-0000-0000-0000-000000000004', '{NexgentSeed.BobAgent}', '2026-01-01 00:00:00+00', 7, 7, 0, 0, now(), '{NexgentSeed.BobWallet}');
            """);

        Migrator.Down(database, CloseReasonAdded);

        var kept = database.Rows("SELECT id::text FROM agent_balance_snapshots ORDER BY id").Select(r => r[0]);
        Assert.That(kept, Is.EqualTo(new[]
        {
            "90000000-0000-0000-0000-000000000002",
            "90000000-0000-0000-0000-000000000003",
            "90000000-0000-0000-0000-000000000004",
        }));
        Assert.That(database.Catalog(), Is.EquivalentTo(Golden.CatalogAt(CloseReasonAdded)));
    }

    [Test]
    public void Automated_trading_flags_keep_their_values_through_the_split_and_back()
    {
        using var database = TemplateDatabases.SeededAt(AutomatedTradingAdded);
        database.Execute($"UPDATE agents SET automated_trading = false WHERE id IN ('{NexgentSeed.AliceSimAgent}', '{NexgentSeed.AliceLiveAgent}')");
        const string flags = "SELECT id::text, automated_trading FROM agents ORDER BY id";
        var before = database.Rows(flags);

        Migrator.Up(database, AutomatedTradingSplit);
        Assert.That(
            database.Rows("SELECT id::text, automated_trading_simulation, automated_trading_live FROM agents ORDER BY id"),
            Is.EqualTo(before.Select(r => new[] { r[0], r[1], r[1] })));

        Migrator.Down(database, AutomatedTradingAdded);
        Assert.That(database.Rows(flags), Is.EqualTo(before));
    }

    [Test]
    public void Folding_the_split_flags_back_keeps_the_flag_of_the_agents_trading_mode()
    {
        using var database = TemplateDatabases.SeededAt(AutomatedTradingSplit);
        database.Execute($"""
            UPDATE agents SET automated_trading_simulation = true, automated_trading_live = false WHERE id = '{NexgentSeed.AliceLiveAgent}';
            UPDATE agents SET automated_trading_simulation = false, automated_trading_live = true WHERE id = '{NexgentSeed.BobAgent}';
            """);

        Migrator.Down(database, AutomatedTradingAdded);

        Assert.That(database.Rows("SELECT id::text, automated_trading FROM agents ORDER BY id"), Is.EqualTo(new[]
        {
            new object?[] { NexgentSeed.AliceSimAgent, true },
            new object?[] { NexgentSeed.AliceLiveAgent, false },
            new object?[] { NexgentSeed.BobAgent, false },
        }));
    }
}
