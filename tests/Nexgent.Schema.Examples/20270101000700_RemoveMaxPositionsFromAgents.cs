using FluentMigrator;
using Nexgent.Schema.Postgres;

namespace Nexgent.Schema.Examples;

/// <summary>Prisma's only way back: a new migration that reverses a shipped one (here 20270101000100).</summary>
[Migration(20270101000700, "remove_max_positions_from_agents")]
[LosesData(MigrationDirection.Up, "agents.max_positions is dropped with its values.")]
public sealed class RemoveMaxPositionsFromAgents : Migration
{
    public override void Up()
    {
        Delete.Column("max_positions").FromTable("agents");
    }

    public override void Down()
    {
        Alter.Table("agents").AddColumn("max_positions").AsInt32().NotNullable().WithDefaultValue(5);
    }
}
