using FluentMigrator;
using Nexgent.Schema.Postgres;

namespace Nexgent.Schema.Examples;

[Migration(20270101000100, "add_max_positions_to_agents")]
[LosesData(MigrationDirection.Down, "agents.max_positions is dropped with its values.")]
public sealed class AddMaxPositionsToAgents : Migration
{
    public override void Up()
    {
        Alter.Table("agents").AddColumn("max_positions").AsInt32().NotNullable().WithDefaultValue(5);
    }

    public override void Down()
    {
        Delete.Column("max_positions").FromTable("agents");
    }
}
