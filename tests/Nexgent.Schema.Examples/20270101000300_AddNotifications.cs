using FluentMigrator;
using Nexgent.Schema.Postgres;

namespace Nexgent.Schema.Examples;

[Migration(20270101000300, "add_notifications")]
[LosesData(MigrationDirection.Down, "the table notifications is dropped with every notification.")]
public sealed class AddNotifications : Migration
{
    private const string Table = "notifications";

    public override void Up()
    {
        Create.Table(Table)
            .WithColumn("id").AsGuid().NotNullable().PrimaryKey(PrismaNames.PrimaryKey(Table)).WithDefaultSql("gen_random_uuid()")
            .WithColumn("user_id").AsGuid().NotNullable()
            .WithColumn("message").AsText().NotNullable()
            .WithColumn("read").AsBoolean().NotNullable().WithDefaultValue(false)
            .WithColumn("created_at").AsTimestampTz(precision: 6).NotNullable().WithDefaultCurrentTimestamp();
        Create.IndexOn(Table, "user_id");
        Create.ForeignKeyOn(Table, "user_id", "users");
    }

    public override void Down()
    {
        Delete.Table(Table);
    }
}
