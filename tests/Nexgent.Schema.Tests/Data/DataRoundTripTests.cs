using Nexgent.Schema.Tests.Infrastructure;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Data;

/// <summary>Trading data seeded at the first version survives a trip to the latest version and back.</summary>
public sealed class DataRoundTripTests
{
    private static readonly long First = Golden.Versions[0];

    [Test]
    public void Rows_of_every_table_survive_migrating_to_the_latest_version_and_back()
    {
        using var database = TemplateDatabases.SeededAt(First);
        var seeded = Snapshot(database);
        Assert.That(seeded.Values.Sum(rows => rows.Count), Is.EqualTo(26), "seeded rows");

        Migrator.Up(database);
        Assert.That(Snapshot(database), Is.EqualTo(seeded), "at the latest version");

        database.Execute($"""
            INSERT INTO agent_balance_snapshots (id, agent_id, snapshot_timestamp, portfolio_balance_sol, sol_balance, positions_value_sol, unrealized_pnl_sol, updated_at, wallet_address)
              VALUES (gen_random_uuid(), '{NexgentSeed.AliceSimAgent}', now(), 20, 12.5, 7.5, 1.25, now(), '{NexgentSeed.SimWallet}');
            INSERT INTO api_keys (id, user_id, name, key_hash, key_prefix, scopes)
              VALUES (gen_random_uuid(), '{NexgentSeed.Alice}', 'CI bot', 'sha256:0123456789abcdef', 'nxg_live_ab', ARRAY['signals:read', 'agents:write']);
            """);

        Migrator.Down(database, First);
        Assert.That(Snapshot(database), Is.EqualTo(seeded), "back at the first version");
        Assert.That(database.Scalar<long>("SELECT count(*) FROM trading_signals WHERE price_sol IS NOT NULL"), Is.Zero,
            "price_sol was dropped by 20251212112507 and comes back empty, as its Down declares");
    }

    [Test]
    public void The_dca_backfill_sets_total_invested_and_lowest_price_from_the_purchase()
    {
        using var database = TemplateDatabases.SeededAt(First);

        Migrator.Up(database, 20251220230728);

        var positions = database.Rows("SELECT id::text, total_invested_sol, lowest_price, dca_count, dca_transaction_ids FROM agent_positions ORDER BY id");
        Assert.That(positions, Has.Count.EqualTo(2));
        Assert.That(positions[0], Is.EqualTo(new object?[] { NexgentSeed.MemecoinPosition, 123.45m, 0.00012345m, 0, Array.Empty<string>() }));
        Assert.That(positions[1], Is.EqualTo(new object?[] { NexgentSeed.BluechipPosition, 10m, 2.5m, 0, Array.Empty<string>() }));
    }

    private static Dictionary<string, List<object?[]>> Snapshot(TestDatabase database)
        => NexgentSeed.SurvivingColumns.ToDictionary(
            table => table.Key,
            table => database.Rows($"SELECT {table.Value} FROM {table.Key} ORDER BY 1"));
}
