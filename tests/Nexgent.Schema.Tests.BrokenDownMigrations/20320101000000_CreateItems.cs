using FluentMigrator;

namespace Nexgent.Schema.Tests.BrokenDownMigrations;

[Migration(20320101000000, "create_items")]
public sealed class CreateItems : Migration
{
    public override void Up()
    {
        Create.Table("items")
            .WithColumn("id").AsInt64().PrimaryKey("items_pkey").Identity()
            .WithColumn("name").AsString(100).NotNullable();
    }

    public override void Down()
    {
        Delete.Table("items");
    }
}
