using FluentMigrator;
using Nexgent.Schema.Postgres;

namespace Nexgent.Schema.Migrations.Versions;

[Migration(20260106120000, "add_automated_trading")]
[LosesData(MigrationDirection.Down, "agents.automated_trading is dropped with its values.")]
public sealed class AddAutomatedTrading : Migration
{
    public override void Up()
    {
        Alter.Table("agents").AddColumn("automated_trading").AsBoolean().NotNullable().WithDefaultValue(true);
        Create.IndexOn("agents", "automated_trading");
    }

    public override void Down()
    {
        Delete.IndexOn("agents", "automated_trading");
        Delete.Column("automated_trading").FromTable("agents");
    }
}
