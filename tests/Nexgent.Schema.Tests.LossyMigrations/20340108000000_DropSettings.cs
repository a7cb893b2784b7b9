using FluentMigrator;

namespace Nexgent.Schema.Tests.LossyMigrations;

/// <summary>Drops the table whose rows create_orders inserted: they are data even when the plan made them.</summary>
[Migration(20340108000000, "drop_settings")]
public sealed class DropSettings : Migration
{
    public override void Up() => Delete.Table("settings");

    public override void Down()
        => Create.Table("settings")
            .WithColumn("name").AsString(50).PrimaryKey("settings_pkey")
            .WithColumn("value").AsString(200).NotNullable();
}
