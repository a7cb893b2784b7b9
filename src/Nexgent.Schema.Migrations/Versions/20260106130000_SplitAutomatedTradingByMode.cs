using FluentMigrator;
using Nexgent.Schema.Postgres;

namespace Nexgent.Schema.Migrations.Versions;

/// <remarks>
/// Nexgent's SQL turned automated trading back on for every agent. Up carries each agent's old flag
/// into both new columns instead: the catalog is the same and no agent's choice is lost.
/// Down folds the two flags back into one, keeping the flag of the agent's current trading_mode.
/// </remarks>
[Migration(20260106130000, "split_automated_trading_by_mode")]
[NoDataLoss(MigrationDirection.Up, "agents.automated_trading is copied into both new columns before it is dropped.")]
[LosesData(MigrationDirection.Down, "agents keep only the automated-trading flag of their current trading_mode; the other mode's flag is dropped.")]
public sealed class SplitAutomatedTradingByMode : Migration
{
    public override void Up()
    {
        Alter.Table("agents")
            .AddColumn("automated_trading_simulation").AsBoolean().NotNullable().WithDefaultValue(true)
            .AddColumn("automated_trading_live").AsBoolean().NotNullable().WithDefaultValue(true);
        Delete.IndexOn("agents", "automated_trading"); // first, so the rewrite does not rebuild it
        Execute.BackfillInRewrite("agents",
            ("automated_trading_simulation", "boolean", "automated_trading"),
            ("automated_trading_live", "boolean", "automated_trading"));
        Delete.Column("automated_trading").FromTable("agents");
        Create.IndexOn("agents", "automated_trading_simulation");
        Create.IndexOn("agents", "automated_trading_live");
    }

    public override void Down()
    {
        Alter.Table("agents").AddColumn("automated_trading").AsBoolean().NotNullable().WithDefaultValue(true);
        Delete.IndexOn("agents", "automated_trading_live");
        Delete.IndexOn("agents", "automated_trading_simulation");
        Execute.BackfillInRewrite("agents",
            ("automated_trading", "boolean", "CASE WHEN trading_mode = 'live' THEN automated_trading_live ELSE automated_trading_simulation END"));
        Delete.Column("automated_trading_live").Column("automated_trading_simulation").FromTable("agents");
        Create.IndexOn("agents", "automated_trading");
    }
}
