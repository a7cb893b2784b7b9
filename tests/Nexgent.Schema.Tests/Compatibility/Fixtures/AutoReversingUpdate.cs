// An AutoReversingMigration with Update.Table, which FluentMigrator cannot reverse (version 2), between two it can.
// AutoReversingMigration has no Update of its own (nor Delete, nor Execute): IfDatabase(...) is the way to one
// ("PostgreSQL": the database type of FluentMigrator 8's AddPostgres() processor, see IfDatabase.cs).
using FluentMigrator;

namespace Compat.AutoReversingUpdate;

[Migration(1, "CreateProducts")]
public sealed class CreateProducts : Migration
{
    public override void Up()
    {
        Create.Table("products")
            .WithColumn("id").AsInt32().NotNullable().PrimaryKey()
            .WithColumn("name").AsString(50).NotNullable();
        Insert.IntoTable("products").Row(new { id = 1, name = "pen" }).Row(new { id = 2, name = "ink" });
    }

    public override void Down()
    {
        Delete.Table("products");
    }
}

[Migration(2, "CapitalizePen")]
public sealed class CapitalizePen : AutoReversingMigration
{
    public override void Up()
    {
        IfDatabase("PostgreSQL").Update.Table("products").Set(new { name = "Pen" }).Where(new { id = 1 });
    }
}

[Migration(3, "CreateProductTags")]
public sealed class CreateProductTags : AutoReversingMigration
{
    public override void Up()
    {
        Create.Table("product_tags")
            .WithColumn("product_id").AsInt32().NotNullable().PrimaryKey().ForeignKey("fk_product_tags_products", "products", "id")
            .WithColumn("tag").AsString(30).NotNullable().PrimaryKey();
    }
}
