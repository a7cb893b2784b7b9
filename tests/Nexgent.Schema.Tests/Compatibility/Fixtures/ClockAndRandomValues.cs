// Values that change on every run of the code: rows inserted with DateTime.Now, DateTime.UtcNow and Guid.NewGuid(),
// and a column default of DateTime.Now.
using System;
using FluentMigrator;

namespace Compat.Clock;

[Migration(1, "CreateAuditEvents")]
public sealed class CreateAuditEvents : Migration
{
    public override void Up()
    {
        Create.Table("audit_events")
            .WithColumn("id").AsGuid().NotNullable().PrimaryKey()
            .WithColumn("happened_at").AsDateTime().NotNullable()
            .WithColumn("recorded_at").AsDateTime().NotNullable().WithDefaultValue(DateTime.Now)
            .WithColumn("kind").AsString(20).NotNullable();
    }

    public override void Down()
    {
        Delete.Table("audit_events");
    }
}

[Migration(2, "RecordInstallation")]
public sealed class RecordInstallation : Migration
{
    public override void Up()
    {
        Insert.IntoTable("audit_events")
            .Row(new { id = Guid.NewGuid(), happened_at = DateTime.Now, kind = "installed" })
            .Row(new { id = Guid.NewGuid(), happened_at = DateTime.UtcNow, kind = "installed-utc" });
    }

    public override void Down()
    {
        Delete.FromTable("audit_events").Row(new { kind = "installed" }).Row(new { kind = "installed-utc" });
    }
}

[Migration(3, "AddAuditEventsSource")]
public sealed class AddAuditEventsSource : Migration
{
    public override void Up()
    {
        Alter.Table("audit_events").AddColumn("source").AsString(30).NotNullable().WithDefaultValue("setup");
    }

    public override void Down()
    {
        Delete.Column("source").FromTable("audit_events");
    }
}
