using FluentMigrator;
using Nexgent.Schema.Postgres;

namespace Nexgent.Schema.Tests.OnlineMigrations;

/// <summary>trades.fee NOT NULL, proved by a validated check instead of a scan under an exclusive lock.</summary>
[Migration(20320106000000, TransactionBehavior.None, "require_trades_fee")]
public sealed class RequireTradesFee : Migration
{
    public override void Up()
    {
        Execute.SetNotNullOnline("trades", "fee");
    }

    public override void Down()
    {
        Execute.DropNotNull("trades", "fee");
    }
}
