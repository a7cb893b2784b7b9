using FluentMigrator;
using Nexgent.Schema.Postgres;

namespace Nexgent.Schema.Migrations.Versions;

[Migration(20251220230728, "add_dca_fields_to_positions")]
[LosesData(MigrationDirection.Down, "agent_positions loses dca_count, dca_transaction_ids, last_dca_time, lowest_price and total_invested_sol.")]
public sealed class AddDcaFieldsToPositions : Migration
{
    public override void Up()
    {
        Alter.Table("agent_positions")
            .AddColumn("dca_count").AsInt32().NotNullable().WithDefaultValue(0)
            .AddColumn("dca_transaction_ids").AsTextArray().Nullable().WithDefaultEmptyArray()
            .AddColumn("last_dca_time").AsTimestampTz().Nullable()
            .AddColumn("lowest_price").AsNumeric(30, 18).Nullable()
            .AddColumn("total_invested_sol").AsNumeric(20, 8).NotNullable().WithDefaultValue(0);

        // Existing positions were bought in one go: what they cost is what was invested, and the
        // purchase price is the lowest price seen so far. Nexgent's SQL updates the rows whose
        // total_invested_sol is 0: every row, since the column was just added with that default.
        Execute.BackfillInRewrite("agent_positions",
            ("total_invested_sol", PostgresTypes.Numeric(20, 8), "purchase_price * purchase_amount"),
            ("lowest_price", PostgresTypes.Numeric(30, 18), "purchase_price"));
    }

    public override void Down()
    {
        Delete.Column("total_invested_sol")
            .Column("lowest_price")
            .Column("last_dca_time")
            .Column("dca_transaction_ids")
            .Column("dca_count")
            .FromTable("agent_positions");
    }
}
