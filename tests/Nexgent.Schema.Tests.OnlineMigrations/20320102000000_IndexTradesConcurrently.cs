using FluentMigrator;
using Nexgent.Schema.Postgres;

namespace Nexgent.Schema.Tests.OnlineMigrations;

/// <summary>Two indexes built while trades takes writes; the unique one fails over duplicate refs and leaves an INVALID index.</summary>
[Migration(20320102000000, TransactionBehavior.None, "index_trades_concurrently")]
public sealed class IndexTradesConcurrently : Migration
{
    public override void Up()
    {
        Execute.CreateIndexConcurrently(PrismaNames.Index("trades", "accountId"), "trades", "accountId");
        Execute.CreateUniqueIndexConcurrently(PrismaNames.UniqueKey("trades", "ref"), "trades", "ref");
    }

    public override void Down()
    {
        Execute.DropIndexConcurrently(PrismaNames.UniqueKey("trades", "ref"));
        Execute.DropIndexConcurrently(PrismaNames.Index("trades", "accountId"));
    }
}
