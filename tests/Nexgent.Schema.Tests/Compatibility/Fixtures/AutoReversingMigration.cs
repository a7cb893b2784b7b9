// A FluentMigrator project whose migrations are all AutoReversingMigration with expressions FluentMigrator knows how
// to reverse: tables, columns, foreign keys, indexes, unique constraints, renames, a schema.
using FluentMigrator;

namespace Compat.AutoReversing;

[Migration(1, "CreateCustomers")]
public sealed class CreateCustomers : AutoReversingMigration
{
    public override void Up()
    {
        Create.Table("customers")
            .WithColumn("id").AsInt32().NotNullable().PrimaryKey().Identity()
            .WithColumn("email").AsString(200).NotNullable().Unique()
            .WithColumn("created_at").AsDateTime().NotNullable().WithDefault(SystemMethods.CurrentDateTime);
    }
}

[Migration(2, "CreateOrders")]
public sealed class CreateOrders : AutoReversingMigration
{
    public override void Up()
    {
        Create.Table("orders")
            .WithColumn("id").AsInt64().NotNullable().PrimaryKey().Identity()
            .WithColumn("customer_id").AsInt32().NotNullable().ForeignKey("fk_orders_customers", "customers", "id")
            .WithColumn("total").AsDecimal(12, 2).NotNullable();
        Create.Index("ix_orders_customer_id").OnTable("orders").OnColumn("customer_id").Ascending();
    }
}

[Migration(3, "AddCustomerNamesAndOrderNotes")]
public sealed class AddCustomerNamesAndOrderNotes : AutoReversingMigration
{
    public override void Up()
    {
        Alter.Table("customers").AddColumn("name").AsString(100).Nullable();
        Create.Column("note").OnTable("orders").AsString(500).Nullable();
        Create.UniqueConstraint("uq_customers_name").OnTable("customers").Column("name");
        Rename.Column("total").OnTable("orders").To("amount");
    }
}

[Migration(4, "MoveOrdersToPurchases")]
public sealed class MoveOrdersToPurchases : AutoReversingMigration
{
    public override void Up()
    {
        Rename.Table("orders").To("purchases");
        Create.Schema("reporting");
        Create.Table("daily_totals").InSchema("reporting")
            .WithColumn("day").AsDate().NotNullable().PrimaryKey()
            .WithColumn("amount").AsDecimal(14, 2).NotNullable();
    }
}
