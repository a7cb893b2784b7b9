using FluentMigrator;
using Nexgent.Schema.Postgres;

namespace Nexgent.Schema.Examples;

[Migration(20270101000200, "add_agent_transactions_agent_id_created_at_index")]
public sealed class AddAgentTransactionsAgentIdCreatedAtIndex : Migration
{
    public override void Up()
    {
        Create.IndexOn("agent_transactions", "agent_id", "created_at");
    }

    public override void Down()
    {
        Delete.IndexOn("agent_transactions", "agent_id", "created_at");
    }
}
