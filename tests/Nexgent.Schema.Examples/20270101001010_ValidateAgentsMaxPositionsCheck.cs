using FluentMigrator;
using Nexgent.Schema.Postgres;

namespace Nexgent.Schema.Examples;

/// <summary>Reads every agent against the check of the migration before, while agents are created and changed.</summary>
[Migration(20270101001010, "validate_agents_max_positions_check")]
public sealed class ValidateAgentsMaxPositionsCheck : Migration
{
    public override void Up()
    {
        Execute.ValidateConstraint("agents", "agents_max_positions_positive");
    }

    public override void Down()
    {
        Execute.UnvalidateConstraint("agents", "agents_max_positions_positive");
    }
}
