using FluentMigrator;
using Nexgent.Schema.Postgres;

namespace Nexgent.Schema.Tests.LintMigrations;

/// <summary>A foreign key added without NOT VALID, which the migration accepts, saying why.</summary>
[Migration(20360104000000, "add_trade_accounts")]
[AcceptsLockHazard("add-foreign-key-without-not-valid", "trades.account_id is new and NULL in every row: the check finds nothing to compare")]
public sealed class AddTradeAccounts : Migration
{
    public override void Up()
    {
        Create.Table("accounts")
            .WithColumn("id").AsInt32().NotNullable().PrimaryKey("accounts_pkey");
        Alter.Table("trades").AddColumn("account_id").AsInt32().Nullable();
        Create.ForeignKeyOn("trades", "account_id", "accounts", onDelete: System.Data.Rule.SetNull);
    }

    public override void Down()
    {
        Delete.ForeignKeyOn("trades", "account_id");
        Delete.Column("account_id").FromTable("trades");
        Delete.Table("accounts");
    }
}
