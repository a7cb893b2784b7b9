using FluentMigrator;
using Nexgent.Schema.Postgres;

namespace Nexgent.Schema.Tests.LintMigrations;

/// <summary>An index built in the migration's transaction, without CONCURRENTLY: writes to trades wait for it.</summary>
[Migration(20360102000000, "index_trades_by_symbol")]
public sealed class IndexTradesBySymbol : Migration
{
    public override void Up()
    {
        Create.IndexOn("trades", "symbol");
    }

    public override void Down()
    {
        Delete.IndexOn("trades", "symbol");
    }
}
