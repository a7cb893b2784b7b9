using FluentMigrator;

namespace Nexgent.Schema.Tests.LedgerMigrations;

/// <summary>
/// CREATE INDEX CONCURRENTLY cannot run in a transaction. On duplicate refs it fails and leaves an
/// invalid index behind: a half-applied migration only a person can clean up.
/// </summary>
[Migration(20310103000000, TransactionBehavior.None, "unique_ledger_refs")]
public sealed class UniqueLedgerRefs : Migration
{
    public override void Up()
    {
        Execute.Sql("CREATE UNIQUE INDEX CONCURRENTLY ledger_ref_key ON ledger (ref);");
    }

    public override void Down()
    {
        Execute.Sql("DROP INDEX CONCURRENTLY IF EXISTS ledger_ref_key;");
    }
}
