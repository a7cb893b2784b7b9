// [Profile]: applied after every run up with that profile, never versioned; another profile is not applied.
using FluentMigrator;

namespace Compat.Profiled;

[Migration(1, "CreatePeople")]
public sealed class CreatePeople : Migration
{
    public override void Up()
    {
        Create.Table("people")
            .WithColumn("id").AsInt32().NotNullable().PrimaryKey().Identity()
            .WithColumn("name").AsString(50).NotNullable();
    }

    public override void Down()
    {
        Delete.Table("people");
    }
}

[Migration(2, "AddPeopleRole")]
public sealed class AddPeopleRole : Migration
{
    public override void Up()
    {
        Alter.Table("people").AddColumn("role").AsString(20).Nullable();
    }

    public override void Down()
    {
        Delete.Column("role").FromTable("people");
    }
}

[Profile("development")]
public sealed class DevelopmentPeople : Migration
{
    public override void Up()
    {
        Insert.IntoTable("people").Row(new { name = "dev-alice", role = "admin" }).Row(new { name = "dev-bob", role = "user" });
    }

    public override void Down()
    {
    }
}

[Profile("test")]
public sealed class TestPeople : Migration
{
    public override void Up()
    {
        Insert.IntoTable("people").Row(new { name = "test-carol", role = "user" });
    }

    public override void Down()
    {
    }
}
