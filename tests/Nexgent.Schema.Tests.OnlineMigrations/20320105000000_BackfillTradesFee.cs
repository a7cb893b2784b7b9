using FluentMigrator;
using Nexgent.Schema.Postgres;

namespace Nexgent.Schema.Tests.OnlineMigrations;

/// <summary>Fills trades.fee 100 rows at a time, each batch committed; its Down empties it again the same way.</summary>
[Migration(20320105000000, TransactionBehavior.None, "backfill_trades_fee")]
[NoDataLoss(MigrationDirection.Up, "only fills trades.fee where it is NULL.")]
[LosesData(MigrationDirection.Down, "trades.fee is emptied in every row.")]
public sealed class BackfillTradesFee : Migration
{
    public override void Up()
    {
        Execute.BackfillInBatches("trades", "fee = round(amount * 0.001, 2)", "fee IS NULL", batchSize: 100, pause: TimeSpan.FromMilliseconds(10));
    }

    public override void Down()
    {
        Execute.BackfillInBatches("trades", "fee = NULL", "fee IS NOT NULL", batchSize: 100);
    }
}
