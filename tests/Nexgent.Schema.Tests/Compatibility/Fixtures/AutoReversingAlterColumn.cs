// An AutoReversingMigration with Alter.Column, which FluentMigrator cannot reverse (version 2), between two it can.
using FluentMigrator;

namespace Compat.AutoReversingAlterColumn;

[Migration(1, "CreateProducts")]
public sealed class CreateProducts : AutoReversingMigration
{
    public override void Up()
    {
        Create.Table("products")
            .WithColumn("id").AsInt32().NotNullable().PrimaryKey()
            .WithColumn("name").AsString(50).Nullable();
    }
}

[Migration(2, "WidenProductNames")]
public sealed class WidenProductNames : AutoReversingMigration
{
    public override void Up()
    {
        Alter.Column("name").OnTable("products").AsString(200).NotNullable();
    }
}

[Migration(3, "AddProductsSku")]
public sealed class AddProductsSku : AutoReversingMigration
{
    public override void Up()
    {
        Alter.Table("products").AddColumn("sku").AsString(20).Nullable();
    }
}
