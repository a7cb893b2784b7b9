using FluentMigrator;
using Nexgent.Schema.Postgres;

namespace Nexgent.Schema.Examples;

/// <summary>Three steps, one transaction: nobody ever sees the column half-made.</summary>
[Migration(20270101000800, "add_max_positions_in_steps")]
[LosesData(MigrationDirection.Down, "agents.max_positions is dropped with its values.")]
public sealed class AddMaxPositionsInSteps : Migration
{
    public override void Up()
    {
        Alter.Table("agents").AddColumn("max_positions").AsInt32().Nullable();
        Execute.Sql("UPDATE agents SET max_positions = 5 WHERE max_positions IS NULL;");
        Alter.Column("max_positions").OnTable("agents").AsInt32().NotNullable();
    }

    public override void Down()
    {
        Delete.Column("max_positions").FromTable("agents");
    }
}
