using FluentMigrator;
using Nexgent.Schema.Postgres;

namespace Nexgent.Schema.Tests.LintMigrations;

/// <summary>numeric(20,8) to numeric(30,18): a new scale, so PostgreSQL rewrites every row of trades.</summary>
[Migration(20360103000000, "widen_trade_prices")]
public sealed class WidenTradePrices : Migration
{
    public override void Up()
    {
        Execute.WidenNumeric("trades", 30, 18, "price");
    }

    public override void Down()
    {
        Execute.NarrowNumeric("trades", 20, 8, "price");
    }
}
