// [Tags]: untagged migrations always run; a tagged one runs when the runner has tags and they are all on it
// (TagBehavior.RequireAll, the default), or one of them is (TagBehavior.RequireAny). Tagged maintenance migrations alike.
using FluentMigrator;

namespace Compat.Tagged;

[Migration(1, "CreateShops")]
public sealed class CreateShops : Migration
{
    public override void Up()
    {
        Create.Table("shops").WithColumn("id").AsInt32().NotNullable().PrimaryKey();
    }

    public override void Down()
    {
        Delete.Table("shops");
    }
}

[Migration(2, "AddShopsVatNumber")]
[Tags("eu")]
public sealed class AddShopsVatNumber : Migration
{
    public override void Up()
    {
        Alter.Table("shops").AddColumn("vat_number").AsString(20).Nullable();
    }

    public override void Down()
    {
        Delete.Column("vat_number").FromTable("shops");
    }
}

[Migration(3, "AddShopsSalesTaxId")]
[Tags("us")]
public sealed class AddShopsSalesTaxId : Migration
{
    public override void Up()
    {
        Alter.Table("shops").AddColumn("sales_tax_id").AsString(20).Nullable();
    }

    public override void Down()
    {
        Delete.Column("sales_tax_id").FromTable("shops");
    }
}

[Migration(4, "AddShopsGdprContact")]
[Tags("eu", "production")]
public sealed class AddShopsGdprContact : Migration
{
    public override void Up()
    {
        Alter.Table("shops").AddColumn("gdpr_contact").AsString(100).Nullable();
    }

    public override void Down()
    {
        Delete.Column("gdpr_contact").FromTable("shops");
    }
}

[Migration(5, "AddShopsTimeZone")]
[Tags(TagBehavior.RequireAny, "eu", "asia")]
public sealed class AddShopsTimeZone : Migration
{
    public override void Up()
    {
        Alter.Table("shops").AddColumn("time_zone").AsString(40).Nullable();
    }

    public override void Down()
    {
        Delete.Column("time_zone").FromTable("shops");
    }
}

public abstract class LoggedMaintenance(string what) : Migration
{
    public override void Up()
    {
        Execute.Sql($"CREATE TABLE IF NOT EXISTS tag_log (seq serial PRIMARY KEY, what text NOT NULL); INSERT INTO tag_log (what) VALUES ('{what}');");
    }

    public override void Down()
    {
    }
}

[Maintenance(MigrationStage.BeforeAll)]
public sealed class LogUntagged() : LoggedMaintenance("untagged");

[Maintenance(MigrationStage.AfterAll)]
[Tags("eu")]
public sealed class LogEu() : LoggedMaintenance("eu");

[Maintenance(MigrationStage.AfterAll)]
[Tags("us")]
public sealed class LogUs() : LoggedMaintenance("us");
