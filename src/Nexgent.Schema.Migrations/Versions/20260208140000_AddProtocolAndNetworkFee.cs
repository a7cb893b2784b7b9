using FluentMigrator;
using Nexgent.Schema.Postgres;

namespace Nexgent.Schema.Migrations.Versions;

[Migration(20260208140000, "add_protocol_and_network_fee")]
[LosesData(MigrationDirection.Down, "agent_transactions loses protocol_fee_sol and network_fee_sol.")]
public sealed class AddProtocolAndNetworkFee : Migration
{
    public override void Up()
    {
        Alter.Table("agent_transactions")
            .AddColumn("protocol_fee_sol").AsNumeric(20, 8).Nullable()
            .AddColumn("network_fee_sol").AsNumeric(20, 8).Nullable();
    }

    public override void Down()
    {
        Delete.Column("network_fee_sol").Column("protocol_fee_sol").FromTable("agent_transactions");
    }
}
