using FluentMigrator;

namespace Nexgent.Schema.Tests.SampleMigrations;

[Migration(20300101000000, "create_notes")]
public sealed class CreateNotes : Migration
{
    public override void Up()
    {
        Create.Table("notes")
            .WithColumn("id").AsInt64().PrimaryKey("notes_pkey").Identity()
            .WithColumn("body").AsString(200).NotNullable();
    }

    public override void Down()
    {
        Delete.Table("notes");
    }
}
