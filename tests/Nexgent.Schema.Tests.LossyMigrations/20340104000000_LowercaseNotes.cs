using FluentMigrator;

namespace Nexgent.Schema.Tests.LossyMigrations;

/// <summary>Overwrites values with an UPDATE: what the notes said in capitals is gone.</summary>
[Migration(20340104000000, "lowercase_notes")]
public sealed class LowercaseNotes : Migration
{
    public override void Up() => Execute.Sql("UPDATE orders SET note = lower(note);");

    public override void Down()
    {
    }
}
