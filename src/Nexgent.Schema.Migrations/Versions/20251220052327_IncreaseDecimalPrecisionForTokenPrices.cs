using FluentMigrator;
using Nexgent.Schema.Postgres;

namespace Nexgent.Schema.Migrations.Versions;

/// <remarks>
/// Down narrows back to numeric(20,8). It refuses, naming the column and the number of rows, when a
/// value has more than 8 decimals or 12 integer digits: PostgreSQL would round the first kind
/// silently and fail on the second. Round the values yourself first if losing the digits is acceptable.
/// </remarks>
[Migration(20251220052327, "increase_decimal_precision_for_token_prices")]
public sealed class IncreaseDecimalPrecisionForTokenPrices : Migration
{
    public override void Up()
    {
        Execute.WidenNumeric("agent_historical_swaps", 30, 18, "amount", "purchase_price", "sale_price");
        Execute.WidenNumeric("agent_positions", 30, 18, "purchase_price", "purchase_amount", "peak_price");
    }

    public override void Down()
    {
        Execute.NarrowNumeric("agent_positions", 20, 8, "purchase_price", "purchase_amount", "peak_price");
        Execute.NarrowNumeric("agent_historical_swaps", 20, 8, "amount", "purchase_price", "sale_price");
    }
}
