using FluentMigrator;
using Nexgent.Schema.Postgres;

namespace Library.Migrations;

[Migration(20400101000000, "create_books")]
public sealed class CreateBooks : Migration
{
    public override void Up()
    {
        Execute.CreateEnumType("Shelf", "fiction", "science", "history");
        Create.Table("books")
            .WithColumn("id").AsGuid().NotNullable().PrimaryKey(PrismaNames.PrimaryKey("books"))
            .WithColumn("title").AsText().NotNullable()
            .WithColumn("shelf").AsEnum("Shelf").NotNullable()
            .WithColumn("tags").AsTextArray().NotNullable().WithDefaultEmptyArray()
            .WithColumn("created_at").AsTimestampTz(precision: 3).NotNullable().WithDefaultCurrentTimestamp();
        Create.IndexOn("books", "shelf");
    }

    public override void Down()
    {
        Delete.Table("books");
        Execute.DropEnumType("Shelf");
    }
}
