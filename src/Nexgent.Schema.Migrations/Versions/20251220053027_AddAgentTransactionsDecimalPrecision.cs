using FluentMigrator;
using Nexgent.Schema.Postgres;

namespace Nexgent.Schema.Migrations.Versions;

/// <remarks>Down narrows back to numeric(20,8) and refuses values that would not fit, as in 20251220052327.</remarks>
[Migration(20251220053027, "add_agent_transactions_decimal_precision")]
public sealed class AddAgentTransactionsDecimalPrecision : Migration
{
    public override void Up()
    {
        Execute.WidenNumeric("agent_transactions", 30, 18, "input_amount", "input_price", "output_amount", "output_price");
    }

    public override void Down()
    {
        Execute.NarrowNumeric("agent_transactions", 20, 8, "input_amount", "input_price", "output_amount", "output_price");
    }
}
