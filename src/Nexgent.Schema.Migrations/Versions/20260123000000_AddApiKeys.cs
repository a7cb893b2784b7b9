using FluentMigrator;
using Nexgent.Schema.Postgres;

namespace Nexgent.Schema.Migrations.Versions;

[Migration(20260123000000, "add_api_keys")]
[LosesData(MigrationDirection.Down, "the table api_keys is dropped with every API key.")]
public sealed class AddApiKeys : Migration
{
    private const string Table = "api_keys";

    public override void Up()
    {
        Create.Table(Table)
            .WithColumn("id").AsGuid().NotNullable().PrimaryKey(PrismaNames.PrimaryKey(Table))
            .WithColumn("user_id").AsGuid().NotNullable()
            .WithColumn("name").AsString(100).NotNullable()
            .WithColumn("key_hash").AsString(255).NotNullable()
            .WithColumn("key_prefix").AsString(12).NotNullable()
            .WithColumn("scopes").AsTextArray().Nullable().WithDefaultEmptyArray()
            .WithColumn("created_at").AsTimestampTz(precision: 6).NotNullable().WithDefaultCurrentTimestamp();

        Create.UniqueIndexOn(Table, "key_hash");
        Create.IndexOn(Table, "user_id");
        Create.IndexOn(Table, "key_hash");
        Create.ForeignKeyOn(Table, "user_id", "users");
    }

    public override void Down()
    {
        Delete.Table(Table);
    }
}
