using FluentMigrator;

namespace Nexgent.Schema.Tests.LedgerMigrations;

/// <summary>
/// A long data step: it waits as many seconds as the session setting <c>ledger.step_seconds</c> says
/// (none when unset), so that a test can kill or cut off a runner in the middle of it.
/// </summary>
[Migration(20310105000000, "audit_ledger")]
public sealed class AuditLedger : Migration
{
    public override void Up()
    {
        Create.Table("ledger_audit").WithColumn("id").AsInt32().NotNullable().PrimaryKey("ledger_audit_pkey");
        Execute.Sql("INSERT INTO ledger_audit SELECT id FROM ledger;");
        Execute.Sql("SELECT pg_sleep(current_setting('ledger.step_seconds', true)::float);");
    }

    public override void Down()
    {
        Delete.Table("ledger_audit");
    }
}
