using FluentMigrator;
using Nexgent.Schema.Postgres;

namespace Nexgent.Schema.Examples;

/// <summary>A check every new or changed agent must pass at once; the agents already there are checked by the next migration.</summary>
[Migration(20270101001000, "add_agents_max_positions_check")]
public sealed class AddAgentsMaxPositionsCheck : Migration
{
    public override void Up()
    {
        Execute.AddCheckNotValid("agents", "agents_max_positions_positive", "max_positions > 0");
    }

    public override void Down()
    {
        Execute.DropConstraint("agents", "agents_max_positions_positive");
    }
}
