// A ForwardOnlyMigration (version 2: its Down throws InvalidOperationException) between two migrations with a Down.
using FluentMigrator;

namespace Compat.ForwardOnly;

[Migration(1, "CreateSettings")]
public sealed class CreateSettings : Migration
{
    public override void Up()
    {
        Create.Table("settings")
            .WithColumn("key").AsString(50).NotNullable().PrimaryKey()
            .WithColumn("value").AsString(200).Nullable();
    }

    public override void Down()
    {
        Delete.Table("settings");
    }
}

[Migration(2, "SeedSettings")]
public sealed class SeedSettings : ForwardOnlyMigration
{
    public override void Up()
    {
        Insert.IntoTable("settings").Row(new { key = "theme", value = "dark" });
        Alter.Table("settings").AddColumn("updated_by").AsString(50).Nullable();
    }
}

[Migration(3, "AddSettingsScope")]
public sealed class AddSettingsScope : Migration
{
    public override void Up()
    {
        Alter.Table("settings").AddColumn("scope").AsString(20).Nullable();
    }

    public override void Down()
    {
        Delete.Column("scope").FromTable("settings");
    }
}
