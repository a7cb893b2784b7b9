using FluentMigrator;

namespace Nexgent.Schema.Tests.SampleMigrations;

[Migration(20300102000000, "add_note_author")]
public sealed class AddNoteAuthor : Migration
{
    public override void Up()
    {
        Alter.Table("notes").AddColumn("author").AsString(100).Nullable();
    }

    public override void Down()
    {
        Delete.Column("author").FromTable("notes");
    }
}
