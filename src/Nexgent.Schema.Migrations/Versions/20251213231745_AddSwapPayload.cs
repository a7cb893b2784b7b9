using FluentMigrator;
using Nexgent.Schema.Postgres;

namespace Nexgent.Schema.Migrations.Versions;

[Migration(20251213231745, "add_swap_payload")]
[LosesData(MigrationDirection.Down, "agent_transactions.swap_payload is dropped with its values.")]
public sealed class AddSwapPayload : Migration
{
    public override void Up()
    {
        Alter.Table("agent_transactions").AddColumn("swap_payload").AsJsonb().Nullable();
    }

    public override void Down()
    {
        Delete.Column("swap_payload").FromTable("agent_transactions");
    }
}
