using FluentMigrator;

namespace Nexgent.Schema.Tests.LossyMigrations;

/// <summary>Orders with an enum status, their events, and settings that the migration fills itself.</summary>
[Migration(20340101000000, "create_orders")]
public sealed class CreateOrders : Migration
{
    public override void Up()
    {
        Execute.Sql("CREATE TYPE order_status AS ENUM ('open', 'closed');");
        Create.Table("orders")
            .WithColumn("id").AsInt64().PrimaryKey("orders_pkey").Identity()
            .WithColumn("note").AsString(200).NotNullable()
            .WithColumn("amount").AsDecimal(20, 8).NotNullable()
            .WithColumn("legacy_code").AsString(20).Nullable();
        Execute.Sql("ALTER TABLE orders ADD status order_status NOT NULL DEFAULT 'open';");
        Create.Table("order_events")
            .WithColumn("id").AsInt64().PrimaryKey("order_events_pkey").Identity()
            .WithColumn("kind").AsString(20).NotNullable();
        Create.Table("settings")
            .WithColumn("name").AsString(50).PrimaryKey("settings_pkey")
            .WithColumn("value").AsString(200).NotNullable();
        Insert.IntoTable("settings").Row(new { name = "currency", value = "SOL" });
    }

    public override void Down()
    {
        Delete.Table("settings");
        Delete.Table("order_events");
        Delete.Table("orders");
        Execute.Sql("DROP TYPE order_status;");
    }
}
