using FluentMigrator;
using Nexgent.Schema.Postgres;

namespace Nexgent.Schema.Migrations.Versions;

[Migration(20260131160000, "add_is_take_profit")]
[LosesData(MigrationDirection.Down, "agent_transactions.is_take_profit is dropped with its values.")]
public sealed class AddIsTakeProfit : Migration
{
    public override void Up()
    {
        Alter.Table("agent_transactions").AddColumn("is_take_profit").AsBoolean().NotNullable().WithDefaultValue(false);
    }

    public override void Down()
    {
        Delete.Column("is_take_profit").FromTable("agent_transactions");
    }
}
