// IfDatabase: what is for this database runs, what is for SqlServer (here, SQL PostgreSQL would reject) does not.
// FluentMigrator 8's AddPostgres() runs its Postgres15_0Processor, whose database type is "PostgreSQL15_0" (alias
// "PostgreSQL"): IfDatabase("PostgreSQL") runs, IfDatabase("Postgres") does not, on FluentMigrator's runner as on
// dotnet fm. Version 3 is all for other databases: nothing to run here, up or down.
using FluentMigrator;

namespace Compat.PerDatabase;

[Migration(1, "CreateCatalogPerDatabase")]
public sealed class CreateCatalogPerDatabase : Migration
{
    public override void Up()
    {
        IfDatabase("PostgreSQL").Create.Table("catalog")
            .WithColumn("id").AsInt32().NotNullable().PrimaryKey()
            .WithColumn("title").AsString(200).Nullable();
        IfDatabase("Postgres").Create.Table("catalog_postgres")
            .WithColumn("id").AsInt32().NotNullable().PrimaryKey();
        IfDatabase("SqlServer").Create.Table("catalog_sqlserver")
            .WithColumn("id").AsInt32().NotNullable().PrimaryKey();
        IfDatabase("SqlServer").Execute.Sql("CREATE NONCLUSTERED INDEX [ix] ON [catalog] ([id]) WITH (ONLINE = ON)");
        IfDatabase("SqlServer", "PostgreSQL").Create.Table("catalog_everywhere")
            .WithColumn("id").AsInt32().NotNullable().PrimaryKey();
        IfDatabase(type => type.StartsWith("PostgreSQL", System.StringComparison.Ordinal)).Create.Table("catalog_by_predicate")
            .WithColumn("id").AsInt32().NotNullable().PrimaryKey();
    }

    public override void Down()
    {
        IfDatabase(type => type.StartsWith("PostgreSQL", System.StringComparison.Ordinal)).Delete.Table("catalog_by_predicate");
        IfDatabase("SqlServer", "PostgreSQL").Delete.Table("catalog_everywhere");
        IfDatabase("SqlServer").Delete.Table("catalog_sqlserver");
        IfDatabase("Postgres").Delete.Table("catalog_postgres");
        IfDatabase("PostgreSQL").Delete.Table("catalog");
    }
}

[Migration(2, "IndexCatalogTitles")]
public sealed class IndexCatalogTitles : Migration
{
    public override void Up()
    {
        IfDatabase("PostgreSQL").Execute.Sql("CREATE INDEX ix_catalog_title ON catalog (lower(title))");
        IfDatabase("SqlServer").Execute.Sql("CREATE INDEX [ix_catalog_title] ON [catalog] ([title]) INCLUDE ([id])");
    }

    public override void Down()
    {
        IfDatabase("PostgreSQL").Execute.Sql("DROP INDEX ix_catalog_title");
        IfDatabase("SqlServer").Execute.Sql("DROP INDEX [ix_catalog_title] ON [catalog]");
    }
}

[Migration(3, "TuneSqlServerOnly")]
public sealed class TuneSqlServerOnly : Migration
{
    public override void Up()
    {
        IfDatabase("SqlServer").Execute.Sql("ALTER INDEX ALL ON [catalog] REBUILD");
        IfDatabase("Postgres").Execute.Sql("THIS IS NOT SQL AND WOULD FAIL IF IT RAN");
    }

    public override void Down()
    {
        IfDatabase("SqlServer").Execute.Sql("ALTER INDEX ALL ON [catalog] REORGANIZE");
    }
}
