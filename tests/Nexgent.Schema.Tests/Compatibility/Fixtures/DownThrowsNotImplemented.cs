// A migration whose Down throws NotImplementedException (version 2), as many hand-written ones do, between two with a Down.
using System;
using FluentMigrator;

namespace Compat.DownThrows;

[Migration(1, "CreateAccounts")]
public sealed class CreateAccounts : Migration
{
    public override void Up()
    {
        Create.Table("accounts")
            .WithColumn("id").AsInt32().NotNullable().PrimaryKey()
            .WithColumn("name").AsString(100).NotNullable();
    }

    public override void Down()
    {
        Delete.Table("accounts");
    }
}

[Migration(2, "SplitAccountNames")]
public sealed class SplitAccountNames : Migration
{
    public override void Up()
    {
        Alter.Table("accounts").AddColumn("first_name").AsString(50).Nullable();
        Alter.Table("accounts").AddColumn("last_name").AsString(50).Nullable();
    }

    public override void Down()
    {
        throw new NotImplementedException();
    }
}

[Migration(3, "AddAccountsEmail")]
public sealed class AddAccountsEmail : Migration
{
    public override void Up()
    {
        Alter.Table("accounts").AddColumn("email").AsString(200).Nullable();
    }

    public override void Down()
    {
        Delete.Column("email").FromTable("accounts");
    }
}
