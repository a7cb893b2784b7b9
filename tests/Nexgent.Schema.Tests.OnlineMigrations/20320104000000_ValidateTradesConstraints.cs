using FluentMigrator;
using Nexgent.Schema.Postgres;

namespace Nexgent.Schema.Tests.OnlineMigrations;

/// <summary>Checks the rows already there against the constraints of the migration before, while trades takes writes.</summary>
[Migration(20320104000000, "validate_trades_constraints")]
public sealed class ValidateTradesConstraints : Migration
{
    public override void Up()
    {
        Execute.ValidateConstraint("trades", PrismaNames.ForeignKey("trades", "accountId"));
        Execute.ValidateConstraint("trades", "trades_amount_positive");
    }

    public override void Down()
    {
        Execute.UnvalidateConstraint("trades", "trades_amount_positive");
        Execute.UnvalidateConstraint("trades", PrismaNames.ForeignKey("trades", "accountId"));
    }
}
