using FluentMigrator;
using Nexgent.Schema.Postgres;

namespace Nexgent.Schema.Migrations.Versions;

[Migration(20260208120000, "add_tp_batch_fields")]
[LosesData(MigrationDirection.Down, "agent_positions loses tp_batch_start_level and total_take_profit_levels.")]
public sealed class AddTpBatchFields : Migration
{
    public override void Up()
    {
        Alter.Table("agent_positions")
            .AddColumn("tp_batch_start_level").AsInt32().NotNullable().WithDefaultValue(0)
            .AddColumn("total_take_profit_levels").AsInt32().Nullable();
    }

    public override void Down()
    {
        Delete.Column("total_take_profit_levels").Column("tp_batch_start_level").FromTable("agent_positions");
    }
}
