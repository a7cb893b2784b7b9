// An AutoReversingMigration adding a NOT NULL column with SetExistingRowsTo (an update and an alter column, which
// FluentMigrator cannot reverse: version 2), between two it can.
using FluentMigrator;

namespace Compat.AutoReversingSetExistingRowsTo;

[Migration(1, "CreateProducts")]
public sealed class CreateProducts : Migration
{
    public override void Up()
    {
        Create.Table("products")
            .WithColumn("id").AsInt32().NotNullable().PrimaryKey()
            .WithColumn("name").AsString(50).NotNullable();
        Insert.IntoTable("products").Row(new { id = 1, name = "pen" });
    }

    public override void Down()
    {
        Delete.Table("products");
    }
}

[Migration(2, "AddProductsStock")]
public sealed class AddProductsStock : AutoReversingMigration
{
    public override void Up()
    {
        Create.Column("stock").OnTable("products").AsInt32().NotNullable().SetExistingRowsTo(0);
    }
}

[Migration(3, "CreateWarehouses")]
public sealed class CreateWarehouses : AutoReversingMigration
{
    public override void Up()
    {
        Create.Table("warehouses").WithColumn("id").AsInt32().NotNullable().PrimaryKey();
    }
}
