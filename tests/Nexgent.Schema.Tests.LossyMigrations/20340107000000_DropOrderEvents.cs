using FluentMigrator;

namespace Nexgent.Schema.Tests.LossyMigrations;

/// <summary>Drops a table in SQL.</summary>
[Migration(20340107000000, "drop_order_events")]
public sealed class DropOrderEvents : Migration
{
    public override void Up() => Execute.Sql("DROP TABLE order_events;");

    public override void Down()
        => Create.Table("order_events")
            .WithColumn("id").AsInt64().PrimaryKey("order_events_pkey").Identity()
            .WithColumn("kind").AsString(20).NotNullable();
}
