// IfDatabase: what is for "Postgres" runs, what is for "SqlServer" (here, SQL PostgreSQL would reject) does not.
using FluentMigrator;

namespace Compat.PerDatabase;

[Migration(1, "CreateCatalogPerDatabase")]
public sealed class CreateCatalogPerDatabase : Migration
{
    public override void Up()
    {
        IfDatabase("Postgres").Create.Table("catalog")
            .WithColumn("id").AsInt32().NotNullable().PrimaryKey()
            .WithColumn("title").AsString(200).Nullable();
        IfDatabase("SqlServer").Create.Table("catalog_sqlserver")
            .WithColumn("id").AsInt32().NotNullable().PrimaryKey();
        IfDatabase("SqlServer").Execute.Sql("CREATE NONCLUSTERED INDEX [ix] ON [catalog] ([id]) WITH (ONLINE = ON)");
        IfDatabase("SqlServer", "Postgres").Create.Table("catalog_everywhere")
            .WithColumn("id").AsInt32().NotNullable().PrimaryKey();
    }

    public override void Down()
    {
        IfDatabase("SqlServer").Delete.Table("catalog_sqlserver");
        IfDatabase("Postgres").Delete.Table("catalog");
        IfDatabase("SqlServer", "Postgres").Delete.Table("catalog_everywhere");
    }
}

[Migration(2, "IndexCatalogTitles")]
public sealed class IndexCatalogTitles : Migration
{
    public override void Up()
    {
        IfDatabase("Postgres").Execute.Sql("CREATE INDEX ix_catalog_title ON catalog (lower(title))");
        IfDatabase("SqlServer").Execute.Sql("CREATE INDEX [ix_catalog_title] ON [catalog] ([title]) INCLUDE ([id])");
    }

    public override void Down()
    {
        IfDatabase("Postgres").Execute.Sql("DROP INDEX ix_catalog_title");
        IfDatabase("SqlServer").Execute.Sql("DROP INDEX [ix_catalog_title] ON [catalog]");
    }
}
