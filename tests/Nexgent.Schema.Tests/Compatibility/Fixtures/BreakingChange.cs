// A migration marked [Migration(..., BreakingChange = true)], run with breaking changes allowed.
using FluentMigrator;

namespace Compat.Breaking;

[Migration(1, "CreateUsers")]
public sealed class CreateUsers : Migration
{
    public override void Up()
    {
        Create.Table("users")
            .WithColumn("id").AsInt32().NotNullable().PrimaryKey()
            .WithColumn("login").AsString(50).NotNullable()
            .WithColumn("legacy_code").AsString(10).Nullable();
    }

    public override void Down()
    {
        Delete.Table("users");
    }
}

[Migration(2, "DropUsersLegacyCode", BreakingChange = true)]
public sealed class DropUsersLegacyCode : Migration
{
    public override void Up()
    {
        Delete.Column("legacy_code").FromTable("users");
    }

    public override void Down()
    {
        Alter.Table("users").AddColumn("legacy_code").AsString(10).Nullable();
    }
}

[Migration(3, "AddUsersEmail")]
public sealed class AddUsersEmail : Migration
{
    public override void Up()
    {
        Alter.Table("users").AddColumn("email").AsString(200).Nullable();
    }

    public override void Down()
    {
        Delete.Column("email").FromTable("users");
    }
}
