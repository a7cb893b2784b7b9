using FluentMigrator;

namespace Nexgent.Schema.Tests.LossyMigrations;

/// <summary>Drops an enum type, and with CASCADE the column of that type.</summary>
[Migration(20340106000000, "drop_order_status")]
public sealed class DropOrderStatus : Migration
{
    public override void Up() => Execute.Sql("DROP TYPE order_status CASCADE;");

    public override void Down()
    {
        Execute.Sql("CREATE TYPE order_status AS ENUM ('open', 'closed');");
        Execute.Sql("ALTER TABLE orders ADD status order_status NOT NULL DEFAULT 'open';");
    }
}
