using FluentMigrator;

namespace Nexgent.Schema.Examples;

[Migration(20270101000510, "rename_users_bio_to_description")]
public sealed class RenameUsersBioToDescription : Migration
{
    public override void Up()
    {
        Rename.Column("bio").OnTable("users").To("description");
    }

    public override void Down()
    {
        Rename.Column("description").OnTable("users").To("bio");
    }
}
