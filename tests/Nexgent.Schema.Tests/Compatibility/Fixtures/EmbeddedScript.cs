// Execute.EmbeddedScript: SQL files embedded in the migrations assembly (the EmbeddedScript/ folder beside this file),
// found by the end of their resource name.
using FluentMigrator;

namespace Compat.Embedded;

[Migration(1, "CreateAuditTrail")]
public sealed class CreateAuditTrail : Migration
{
    public override void Up()
    {
        Execute.EmbeddedScript("create_audit_trail.sql");
    }

    public override void Down()
    {
        Execute.EmbeddedScript("drop_audit_trail.sql");
    }
}

[Migration(2, "AddAuditTrailActor")]
public sealed class AddAuditTrailActor : Migration
{
    public override void Up()
    {
        Alter.Table("audit_trail").AddColumn("actor").AsString(50).Nullable();
    }

    public override void Down()
    {
        Delete.Column("actor").FromTable("audit_trail");
    }
}
