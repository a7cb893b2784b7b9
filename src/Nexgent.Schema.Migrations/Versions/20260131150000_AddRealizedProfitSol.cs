using FluentMigrator;
using Nexgent.Schema.Postgres;

namespace Nexgent.Schema.Migrations.Versions;

[Migration(20260131150000, "add_realized_profit_sol")]
[LosesData(MigrationDirection.Down, "agent_positions.realized_profit_sol is dropped with its values.")]
public sealed class AddRealizedProfitSol : Migration
{
    public override void Up()
    {
        Alter.Table("agent_positions").AddColumn("realized_profit_sol").AsNumeric(20, 8).NotNullable().WithDefaultValue(0);
    }

    public override void Down()
    {
        Delete.Column("realized_profit_sol").FromTable("agent_positions");
    }
}
