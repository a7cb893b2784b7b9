using FluentMigrator;

namespace Nexgent.Schema.Tests.SampleMigrations;

/// <summary>Deletes rows and drops a column without declaring it: the runner must notice by itself.</summary>
[Migration(20300104000000, "purge_empty_notes")]
public sealed class PurgeEmptyNotes : Migration
{
    public override void Up()
    {
        Execute.Sql("DELETE FROM notes WHERE body = '';");
        Delete.Column("author").FromTable("notes");
    }

    public override void Down()
    {
        Alter.Table("notes").AddColumn("author").AsString(100).Nullable();
    }
}
