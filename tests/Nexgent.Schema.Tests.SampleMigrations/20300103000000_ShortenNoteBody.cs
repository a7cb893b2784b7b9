using FluentMigrator;

namespace Nexgent.Schema.Tests.SampleMigrations;

/// <summary>Narrows a column without declaring it: the runner must notice by itself.</summary>
[Migration(20300103000000, "shorten_note_body")]
public sealed class ShortenNoteBody : Migration
{
    public override void Up()
    {
        Alter.Column("body").OnTable("notes").AsString(50).NotNullable();
    }

    public override void Down()
    {
        Alter.Column("body").OnTable("notes").AsString(200).NotNullable();
    }
}
