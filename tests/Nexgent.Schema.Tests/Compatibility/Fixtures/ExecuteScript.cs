// Execute.Script with a file path relative to the working directory (the tests' folder, where the file is copied).
using FluentMigrator;

namespace Compat.ScriptFiles;

[Migration(1, "CreateReports")]
public sealed class CreateReports : Migration
{
    public override void Up()
    {
        Execute.Script("Compatibility/Fixtures/Scripts/create_reports.sql");
    }

    public override void Down()
    {
        Execute.Script("Compatibility/Fixtures/Scripts/drop_reports.sql");
    }
}

[Migration(2, "AddReportsOwner")]
public sealed class AddReportsOwner : Migration
{
    public override void Up()
    {
        Alter.Table("reports").AddColumn("owner").AsString(50).Nullable();
    }

    public override void Down()
    {
        Delete.Column("owner").FromTable("reports");
    }
}
