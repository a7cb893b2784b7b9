using FluentMigrator;

namespace Nexgent.Schema.Tests.LedgerMigrations;

[Migration(20310101000000, "create_ledger")]
public sealed class CreateLedger : Migration
{
    public override void Up()
    {
        Create.Table("ledger")
            .WithColumn("id").AsInt32().NotNullable().PrimaryKey("ledger_pkey")
            .WithColumn("ref").AsString(20).NotNullable()
            .WithColumn("amount").AsDecimal(12, 2).NotNullable();
    }

    public override void Down()
    {
        Delete.Table("ledger");
    }
}
