using FluentMigrator;

namespace Nexgent.Schema.Tests.MistakenMigrations;

[Migration(20320101000000, "create_agents_and_quotes")]
public sealed class CreateAgentsAndQuotes : Migration
{
    public override void Up()
    {
        Create.Table("agents")
            .WithColumn("id").AsGuid().NotNullable().PrimaryKey("agents_pkey")
            .WithColumn("name").AsString().NotNullable();
        Create.Table("quotes")
            .WithColumn("id").AsInt32().NotNullable().PrimaryKey("quotes_pkey")
            .WithColumn("price").AsDecimal(20, 8).NotNullable();
    }

    public override void Down()
    {
        Delete.Table("quotes");
        Delete.Table("agents");
    }
}
