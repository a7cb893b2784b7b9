using FluentMigrator;

namespace Nexgent.Schema.Tests.NarrowingMigrations;

[Migration(20350101000000, "create_prices")]
public sealed class CreatePrices : Migration
{
    public override void Up()
    {
        Create.Table("prices")
            .WithColumn("id").AsInt64().PrimaryKey("prices_pkey").Identity()
            .WithColumn("p").AsDecimal(20, 8).NotNullable()
            .WithColumn("q").AsDecimal(20, 8).NotNullable();
        Create.Table("quotes")
            .WithColumn("id").AsInt64().PrimaryKey("quotes_pkey").Identity()
            .WithColumn("v").AsDecimal(20, 8).NotNullable();
    }

    public override void Down()
    {
        Delete.Table("quotes");
        Delete.Table("prices");
    }
}
