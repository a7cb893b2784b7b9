using FluentMigrator;
using Nexgent.Schema.Postgres;

namespace Nexgent.Schema.Migrations.Versions;

[Migration(20251221000651, "add_close_reason_to_historical_swaps")]
[LosesData(MigrationDirection.Down, "agent_historical_swaps.close_reason is dropped with its values.")]
public sealed class AddCloseReasonToHistoricalSwaps : Migration
{
    public override void Up()
    {
        Alter.Table("agent_historical_swaps").AddColumn("close_reason").AsString(20).Nullable();
    }

    public override void Down()
    {
        Delete.Column("close_reason").FromTable("agent_historical_swaps");
    }
}
