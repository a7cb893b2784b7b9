// A project's own IVersionTableMetaData ([VersionTableMetaData]): its own schema, table, column and index names.
using FluentMigrator;
using FluentMigrator.Runner.VersionTableInfo;

namespace Compat.OwnVersionTable;

[VersionTableMetaData]
public sealed class CompanyVersionTable : IVersionTableMetaData
{
    public bool OwnsSchema => true;

    public string SchemaName => "migration_history";

    public string TableName => "schema_versions";

    public string ColumnName => "version_number";

    public string DescriptionColumnName => "summary";

    public string UniqueIndexName => "uq_schema_versions_version_number";

    public string AppliedOnColumnName => "applied_at";

    public bool CreateWithPrimaryKey => false;
}

[Migration(1, "CreateWidgets")]
public sealed class CreateWidgets : Migration
{
    public override void Up()
    {
        Create.Table("widgets").WithColumn("id").AsInt32().NotNullable().PrimaryKey();
    }

    public override void Down()
    {
        Delete.Table("widgets");
    }
}

[Migration(2, "AddWidgetsColor")]
public sealed class AddWidgetsColor : Migration
{
    public override void Up()
    {
        Alter.Table("widgets").AddColumn("color").AsString(20).Nullable();
    }

    public override void Down()
    {
        Delete.Column("color").FromTable("widgets");
    }
}
