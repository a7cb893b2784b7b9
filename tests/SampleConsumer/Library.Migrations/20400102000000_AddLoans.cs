using System.Data;
using FluentMigrator;
using Nexgent.Schema.Postgres;

namespace Library.Migrations;

[LosesData(MigrationDirection.Down, "loans is dropped with its rows.")]
[Migration(20400102000000, "add_loans")]
public sealed class AddLoans : Migration
{
    public override void Up()
    {
        Create.Table("loans")
            .WithColumn("id").AsSerial().NotNullable().PrimaryKey(PrismaNames.PrimaryKey("loans"))
            .WithColumn("book_id").AsGuid().NotNullable()
            .WithColumn("borrower").AsText().NotNullable()
            .WithColumn("details").AsJsonb().Nullable();
        Create.ForeignKeyOn("loans", "book_id", "books", "id", Rule.Cascade);
        Create.UniqueIndexOn("loans", "book_id", "borrower");
    }

    public override void Down()
    {
        Delete.Table("loans");
    }
}
