using FluentMigrator;
using Nexgent.Schema.Postgres;

namespace Nexgent.Schema.Examples;

[Migration(20270101000200, TransactionBehavior.None, "add_agent_transactions_agent_id_created_at_index")]
public sealed class AddAgentTransactionsAgentIdCreatedAtIndex : Migration
{
    private static readonly string Index = PrismaNames.Index("agent_transactions", "agent_id", "created_at");

    public override void Up()
    {
        Execute.CreateIndexConcurrently(Index, "agent_transactions", "agent_id", "created_at");
    }

    public override void Down()
    {
        Execute.DropIndexConcurrently(Index);
    }
}
