using FluentMigrator;
using Nexgent.Schema.Postgres;

namespace Nexgent.Schema.Tests.OnlineMigrations;

/// <summary>Another mistake the runner refuses (tagged too): a batched backfill, whose DO block commits, in a migration that runs in a transaction.</summary>
[Migration(20321202000000, "backfill_trades_in_a_transaction")]
[Tags("mistaken")]
[NoDataLoss(MigrationDirection.Up, "rounds nothing: the amounts already have two decimals.")]
[NoDataLoss(MigrationDirection.Down, "changes nothing.")]
public sealed class BackfillTradesInATransaction : Migration
{
    public override void Up()
    {
        Execute.BackfillInBatches("trades", "amount = round(amount, 2)", "amount <> round(amount, 2)");
    }

    public override void Down()
    {
        Execute.BackfillInBatches("trades", "amount = amount", "false");
    }
}
