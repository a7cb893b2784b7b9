using FluentMigrator;

namespace Nexgent.Schema.Tests.MistakenMigrations;

/// <summary>
/// References agents.id, a uuid, from a text column: PostgreSQL refuses the foreign key, and only its DETAIL says
/// why (the two types).
/// </summary>
[Migration(20320103000000, "add_agent_notes")]
public sealed class AddAgentNotes : Migration
{
    public override void Up()
    {
        Create.Table("agent_notes")
            .WithColumn("id").AsInt32().NotNullable().PrimaryKey("agent_notes_pkey")
            .WithColumn("agent_id").AsString().NotNullable().ForeignKey("agent_notes_agent_id_fkey", "agents", "id")
            .WithColumn("body").AsString().NotNullable();
    }

    public override void Down()
    {
        Delete.Table("agent_notes");
    }
}
