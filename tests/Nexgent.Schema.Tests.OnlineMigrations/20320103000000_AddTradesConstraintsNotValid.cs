using FluentMigrator;
using Nexgent.Schema.Postgres;

namespace Nexgent.Schema.Tests.OnlineMigrations;

/// <summary>A foreign key and a check that new rows obey at once, the rows already there checked by the next migration.</summary>
[Migration(20320103000000, "add_trades_constraints_not_valid")]
public sealed class AddTradesConstraintsNotValid : Migration
{
    public override void Up()
    {
        Execute.AddForeignKeyNotValid("trades", "accountId", "accounts");
        Execute.AddCheckNotValid("trades", "trades_amount_positive", "amount > 0");
    }

    public override void Down()
    {
        Execute.DropConstraint("trades", "trades_amount_positive");
        Execute.DropConstraint("trades", PrismaNames.ForeignKey("trades", "accountId"));
    }
}
