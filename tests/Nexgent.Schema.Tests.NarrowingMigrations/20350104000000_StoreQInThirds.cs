using FluentMigrator;

namespace Nexgent.Schema.Tests.NarrowingMigrations;

/// <summary>Down recomputes q before widen_prices' Down narrows it: only q's guard can judge the values it will meet.</summary>
[Migration(20350104000000, "store_q_in_thirds")]
public sealed class StoreQInThirds : Migration
{
    public override void Up() => Execute.Sql("UPDATE prices SET q = q * 3;");

    public override void Down() => Execute.Sql("UPDATE prices SET q = q / 3;");
}
