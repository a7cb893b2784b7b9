using FluentMigrator;
using Nexgent.Schema.Postgres;

namespace Nexgent.Schema.Examples;

[Migration(20270101000400, "add_preferences_to_users")]
[LosesData(MigrationDirection.Down, "users.preferences is dropped with its values.")]
public sealed class AddPreferencesToUsers : Migration
{
    public override void Up()
    {
        Alter.Table("users").AddColumn("preferences").AsJsonb().Nullable();
    }

    public override void Down()
    {
        Delete.Column("preferences").FromTable("users");
    }
}
