using FluentMigrator;

namespace Nexgent.Schema.Tests.LedgerMigrations;

/// <summary>Fails, in its transaction, when a negative amount exists: the column it added first must not stay.</summary>
[Migration(20310102000000, "require_positive_amounts")]
public sealed class RequirePositiveAmounts : Migration
{
    public override void Up()
    {
        Alter.Table("ledger").AddColumn("checked_at").AsDateTimeOffset().Nullable();
        Execute.Sql("ALTER TABLE ledger ADD CONSTRAINT ledger_amount_positive CHECK (amount >= 0);");
    }

    public override void Down()
    {
        Execute.Sql("ALTER TABLE ledger DROP CONSTRAINT ledger_amount_positive;");
        Delete.Column("checked_at").FromTable("ledger");
    }
}
