using FluentMigrator;
using Nexgent.Schema.Postgres;

namespace Nexgent.Schema.Migrations.Versions;

[Migration(20260131120000, "add_take_profit_fields_to_positions")]
[LosesData(MigrationDirection.Down, "agent_positions loses remaining_amount, take_profit_levels_hit, take_profit_transaction_ids, last_take_profit_time, moon_bag_activated and moon_bag_amount.")]
public sealed class AddTakeProfitFieldsToPositions : Migration
{
    public override void Up()
    {
        Alter.Table("agent_positions")
            .AddColumn("remaining_amount").AsNumeric(30, 18).Nullable()
            .AddColumn("take_profit_levels_hit").AsInt32().NotNullable().WithDefaultValue(0)
            .AddColumn("take_profit_transaction_ids").AsTextArray().NotNullable().WithDefaultEmptyArrayLiteral()
            .AddColumn("last_take_profit_time").AsTimestampTz().Nullable()
            .AddColumn("moon_bag_activated").AsBoolean().NotNullable().WithDefaultValue(false)
            .AddColumn("moon_bag_amount").AsNumeric(30, 18).Nullable();
    }

    public override void Down()
    {
        Delete.Column("moon_bag_amount")
            .Column("moon_bag_activated")
            .Column("last_take_profit_time")
            .Column("take_profit_transaction_ids")
            .Column("take_profit_levels_hit")
            .Column("remaining_amount")
            .FromTable("agent_positions");
    }
}
