using FluentMigrator;
using Nexgent.Schema.Postgres;

namespace Nexgent.Schema.Tests.LintMigrations;

/// <summary>A new table and its own index: nothing for lint, since nobody uses the table yet.</summary>
[Migration(20360101000000, "create_trades")]
public sealed class CreateTrades : Migration
{
    public override void Up()
    {
        Create.Table("trades")
            .WithColumn("id").AsInt32().NotNullable().PrimaryKey("trades_pkey")
            .WithColumn("symbol").AsString(20).NotNullable()
            .WithColumn("price").AsNumeric(20, 8).NotNullable()
            .WithColumn("note").AsText().Nullable();
        Create.IndexOn("trades", "price");
    }

    public override void Down()
    {
        Delete.Table("trades");
    }
}
