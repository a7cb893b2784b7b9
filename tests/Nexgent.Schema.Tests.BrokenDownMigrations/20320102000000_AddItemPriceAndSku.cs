using FluentMigrator;

namespace Nexgent.Schema.Tests.BrokenDownMigrations;

/// <summary>Adds two columns and an index; its Down drops only one column, leaving the other (and its index) behind.</summary>
[Migration(20320102000000, "add_item_price_and_sku")]
public sealed class AddItemPriceAndSku : Migration
{
    public override void Up()
    {
        Alter.Table("items")
            .AddColumn("price").AsDecimal(10, 2).Nullable()
            .AddColumn("sku").AsString(20).Nullable();
        Create.Index("items_price_idx").OnTable("items").OnColumn("price");
    }

    public override void Down()
    {
        Delete.Column("sku").FromTable("items");
    }
}
