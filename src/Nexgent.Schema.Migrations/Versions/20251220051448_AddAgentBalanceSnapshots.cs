using FluentMigrator;
using Nexgent.Schema.Postgres;

namespace Nexgent.Schema.Migrations.Versions;

[Migration(20251220051448, "add_agent_balance_snapshots")]
[LosesData(MigrationDirection.Down, "the table agent_balance_snapshots is dropped with every snapshot.")]
public sealed class AddAgentBalanceSnapshots : Migration
{
    private const string Table = "agent_balance_snapshots";

    public override void Up()
    {
        Create.Table(Table)
            .WithColumn("id").AsGuid().NotNullable().PrimaryKey(PrismaNames.PrimaryKey(Table))
            .WithColumn("agent_id").AsGuid().NotNullable()
            .WithColumn("snapshot_timestamp").AsTimestampTz().NotNullable()
            .WithColumn("portfolio_balance_sol").AsNumeric(20, 8).NotNullable()
            .WithColumn("sol_balance").AsNumeric(20, 8).NotNullable()
            .WithColumn("positions_value_sol").AsNumeric(20, 8).NotNullable()
            .WithColumn("unrealized_pnl_sol").AsNumeric(20, 8).NotNullable()
            .WithColumn("created_at").AsTimestampTz().NotNullable().WithDefaultCurrentTimestamp()
            .WithColumn("updated_at").AsTimestampTz().NotNullable();

        Create.IndexOn(Table, "agent_id", "snapshot_timestamp");
        Create.IndexOn(Table, "snapshot_timestamp");
        Create.UniqueIndexOn(Table, "agent_id", "snapshot_timestamp");
        Create.ForeignKeyOn(Table, "agent_id", "agents");
    }

    public override void Down()
    {
        Delete.Table(Table);
    }
}
