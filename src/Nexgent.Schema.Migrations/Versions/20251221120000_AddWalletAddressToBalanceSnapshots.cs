using FluentMigrator;
using Nexgent.Schema.Postgres;

namespace Nexgent.Schema.Migrations.Versions;

/// <remarks>
/// Down goes back to one snapshot per agent and instant. Where several wallets of an agent were
/// snapshotted at the same instant, it keeps the snapshot of the wallet the agent trades with
/// (wallet_type equal to the agent's trading_mode), else the earliest created, and deletes the others,
/// so that the restored unique index on (agent_id, snapshot_timestamp) holds.
/// </remarks>
[Migration(20251221120000, "add_wallet_address_to_balance_snapshots")]
[LosesData(MigrationDirection.Up, "every row of agent_balance_snapshots is deleted: the old snapshots have no wallet to attach to.")]
[LosesData(MigrationDirection.Down, "agent_balance_snapshots.wallet_address is dropped, and of snapshots taken at the same instant for several wallets of one agent only the trading wallet's is kept.")]
public sealed class AddWalletAddressToBalanceSnapshots : Migration
{
    private const string Table = "agent_balance_snapshots";

    public override void Up()
    {
        // TRUNCATE, not DELETE: in the migration's transaction the deleted rows would still be indexed by the
        // three indexes built below, and stay in the table until vacuumed.
        Execute.Sql("TRUNCATE agent_balance_snapshots;");
        Delete.UniqueIndexOn(Table, "agent_id", "snapshot_timestamp");
        Delete.IndexOn(Table, "agent_id", "snapshot_timestamp");

        Alter.Table(Table).AddColumn("wallet_address").AsString(44).NotNullable();
        Create.ForeignKeyOn(Table, "wallet_address", "agent_wallets", "wallet_address");
        Create.UniqueIndexNamed("abs_agent_wallet_timestamp_key", Table, "agent_id", "wallet_address", "snapshot_timestamp");
        Create.IndexNamed("abs_agent_wallet_timestamp_idx", Table, "agent_id", "wallet_address", "snapshot_timestamp");
        Create.IndexNamed("abs_wallet_address_idx", Table, "wallet_address");
    }

    public override void Down()
    {
        Delete.Index("abs_wallet_address_idx").OnTable(Table);
        Delete.Index("abs_agent_wallet_timestamp_idx").OnTable(Table);
        Delete.Index("abs_agent_wallet_timestamp_key").OnTable(Table);
        Delete.ForeignKeyOn(Table, "wallet_address");

        Execute.Sql("""
            DELETE FROM agent_balance_snapshots s
             USING (SELECT snapshot.id,
                           row_number() OVER (
                               PARTITION BY snapshot.agent_id, snapshot.snapshot_timestamp
                               ORDER BY (wallet.wallet_type = agent.trading_mode) DESC NULLS LAST, snapshot.created_at, snapshot.id
                           ) AS keep_rank
                      FROM agent_balance_snapshots snapshot
                      JOIN agents agent ON agent.id = snapshot.agent_id
                      LEFT JOIN agent_wallets wallet ON wallet.wallet_address = snapshot.wallet_address) ranked
             WHERE s.id = ranked.id AND ranked.keep_rank > 1;
            """);
        Delete.Column("wallet_address").FromTable(Table);

        Create.IndexOn(Table, "agent_id", "snapshot_timestamp");
        Create.UniqueIndexOn(Table, "agent_id", "snapshot_timestamp");
    }
}
