using FluentMigrator;
using Nexgent.Schema.Postgres;

namespace Nexgent.Schema.Tests.OnlineMigrations;

/// <summary>
/// A mistake the runner refuses before running anything: CREATE INDEX CONCURRENTLY in a migration that runs in a
/// transaction. Tagged, so that only the runs that ask for it (--tag mistaken) meet it.
/// </summary>
[Migration(20321201000000, "index_trades_in_a_transaction")]
[Tags("mistaken")]
public sealed class IndexTradesInATransaction : Migration
{
    public override void Up()
    {
        Execute.CreateIndexConcurrently("trades_amount_idx", "trades", "amount");
    }

    public override void Down()
    {
        Execute.DropIndexConcurrently("trades_amount_idx");
    }
}
