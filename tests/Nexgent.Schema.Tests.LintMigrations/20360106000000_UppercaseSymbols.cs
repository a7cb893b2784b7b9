using FluentMigrator;
using Nexgent.Schema.Postgres;

namespace Nexgent.Schema.Tests.LintMigrations;

/// <summary>Every row of trades updated in one statement, in the migration's transaction.</summary>
[Migration(20360106000000, "uppercase_symbols")]
[Irreversible("the symbols' original case is not kept")]
[NoDataLoss(MigrationDirection.Up, "only the case of the symbols changes")]
public sealed class UppercaseSymbols : Migration
{
    public override void Up()
    {
        Execute.Sql("UPDATE trades SET symbol = upper(symbol);");
    }

    public override void Down()
    {
    }
}
