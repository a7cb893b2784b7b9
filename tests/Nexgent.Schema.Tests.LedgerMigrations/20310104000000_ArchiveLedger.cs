using FluentMigrator;
using Nexgent.Schema.Postgres;

namespace Nexgent.Schema.Tests.LedgerMigrations;

/// <summary>
/// Breaks two conventions on purpose: its description is not snake_case, and its Down is empty. Its assembly uses the
/// building blocks (the attribute below), so validate holds it to the naming convention.
/// </summary>
[Migration(20310104000000, "Archive old entries")]
[NoDataLoss(MigrationDirection.Up, "creates an empty table")]
public sealed class ArchiveLedger : Migration
{
    public override void Up()
    {
        Create.Table("ledger_archive").WithColumn("id").AsInt32().NotNullable().PrimaryKey("ledger_archive_pkey");
    }

    public override void Down()
    {
    }
}
