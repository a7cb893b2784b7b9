using FluentMigrator;

namespace Nexgent.Schema.Tests.SampleMigrations;

/// <summary>
/// Fills a column it adds (nothing to lose) and rewrites one that holds data (values change), both by
/// <c>ALTER COLUMN ... TYPE ... USING</c> (what <c>BackfillInRewrite</c> writes), declaring neither: the runner must tell them apart.
/// </summary>
[Migration(20300105000000, "pin_notes_and_trim_bodies")]
public sealed class PinNotesAndTrimBodies : Migration
{
    public override void Up()
    {
        Alter.Table("notes").AddColumn("pinned").AsBoolean().NotNullable().WithDefaultValue(false);
        Execute.Sql("""ALTER TABLE "notes" ALTER COLUMN "pinned" TYPE boolean USING body LIKE '!%';""");
        Execute.Sql("""ALTER TABLE "notes" ALTER COLUMN "body" TYPE varchar(50) USING btrim(body);""");
    }

    public override void Down()
    {
        Delete.Column("pinned").FromTable("notes");
    }
}
