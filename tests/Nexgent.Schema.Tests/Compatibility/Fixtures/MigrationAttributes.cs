// Versions given by MigrationAttribute subclasses (one computing a yyyyMMddHHmm version from a date, one making the
// description), and migrations with no description, which FluentMigrator records under their class name.
using FluentMigrator;

namespace Compat.Attributes;

/// <summary>[TimestampedMigration(2024, 3, 1, 12, 0)] is version 202403011200.</summary>
public sealed class TimestampedMigrationAttribute(int year, int month, int day, int hour, int minute, string? description = null)
    : MigrationAttribute(((((year * 100L) + month) * 100L + day) * 100L + hour) * 100L + minute, description);

/// <summary>A company's own attribute: the description says who wrote the migration.</summary>
public sealed class AuthoredMigrationAttribute(long version, string author)
    : MigrationAttribute(version, "By " + author);

[TimestampedMigration(2024, 3, 1, 12, 0, "CreateInvoices")]
public sealed class CreateInvoices : Migration
{
    public override void Up()
    {
        Create.Table("invoices")
            .WithColumn("id").AsInt32().NotNullable().PrimaryKey()
            .WithColumn("number").AsString(20).NotNullable();
    }

    public override void Down()
    {
        Delete.Table("invoices");
    }
}

[TimestampedMigration(2024, 3, 2, 9, 30)]
public sealed class AddInvoicesDueDate : Migration
{
    public override void Up()
    {
        Alter.Table("invoices").AddColumn("due_on").AsDate().Nullable();
    }

    public override void Down()
    {
        Delete.Column("due_on").FromTable("invoices");
    }
}

[Migration(202403030000)]
public sealed class AddInvoicesTotal : Migration
{
    public override void Up()
    {
        Alter.Table("invoices").AddColumn("total").AsDecimal(12, 2).Nullable();
    }

    public override void Down()
    {
        Delete.Column("total").FromTable("invoices");
    }
}

[AuthoredMigration(202403040000, "alice")]
public sealed class IndexInvoiceNumbers : AutoReversingMigration
{
    public override void Up()
    {
        Create.Index("ix_invoices_number").OnTable("invoices").OnColumn("number").Unique();
    }
}
