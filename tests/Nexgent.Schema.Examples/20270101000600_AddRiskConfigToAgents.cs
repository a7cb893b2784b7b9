using FluentMigrator;
using Nexgent.Schema.Postgres;

namespace Nexgent.Schema.Examples;

[Migration(20270101000600, "add_risk_config_to_agents")]
[LosesData(MigrationDirection.Down, "agents.risk_config is dropped with its values.")]
public sealed class AddRiskConfigToAgents : Migration
{
    public override void Up()
    {
        Alter.Table("agents").AddColumn("risk_config").AsJsonb().Nullable();

        Execute.Sql("""
            UPDATE agents
               SET risk_config = '{"stopLoss":{"enabled":true,"defaultPercentage":-32}}'
             WHERE risk_config IS NULL;
            """);

        // Optional, once every row has a value and the application always writes one:
        Alter.Column("risk_config").OnTable("agents").AsJsonb().NotNullable();
    }

    public override void Down()
    {
        Delete.Column("risk_config").FromTable("agents");
    }
}
