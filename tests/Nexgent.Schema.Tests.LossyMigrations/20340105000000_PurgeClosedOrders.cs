using FluentMigrator;

namespace Nexgent.Schema.Tests.LossyMigrations;

/// <summary>Deletes rows with a DELETE.</summary>
[Migration(20340105000000, "purge_closed_orders")]
public sealed class PurgeClosedOrders : Migration
{
    public override void Up() => Execute.Sql("DELETE FROM orders WHERE status = 'closed';");

    public override void Down()
    {
    }
}
