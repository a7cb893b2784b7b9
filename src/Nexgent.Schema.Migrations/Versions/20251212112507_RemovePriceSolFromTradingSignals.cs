using FluentMigrator;
using Nexgent.Schema.Postgres;

namespace Nexgent.Schema.Migrations.Versions;

[Migration(20251212112507, "remove_price_sol_from_trading_signals")]
[LosesData(MigrationDirection.Up, "trading_signals.price_sol is dropped with its values.")]
[LosesData(MigrationDirection.Down, "trading_signals.price_sol comes back empty (NULL): its old values cannot be restored.")]
public sealed class RemovePriceSolFromTradingSignals : Migration
{
    public override void Up()
    {
        Delete.Column("price_sol").FromTable("trading_signals");
    }

    public override void Down()
    {
        Alter.Table("trading_signals").AddColumn("price_sol").AsNumeric(20, 8).Nullable();
    }
}
