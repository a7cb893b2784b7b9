using NUnit.Framework;

namespace Nexgent.Schema.Tests.Compatibility;

/// <summary>
/// What FluentMigrator runs on every run up, versioned or not: maintenance migrations and profiles run again when no
/// migration is pending, and tags choose again at each run.
/// </summary>
public sealed class RerunCompatibilityTests
{
    [Test]
    public void Maintenance_migrations_run_again_on_every_run_up_and_not_on_the_way_down_as_in_fluentmigrator()
    {
        using var run = SideBySide.MigrateUp(Features.Maintenance);
        run.AssertSameState("migrating up");

        BothMigrateUp(run);
        run.AssertSameState("migrating up with nothing pending");

        run.FluentMigrator(runner => runner.MigrateDown(0));
        run.DotnetFmSucceeds("rollback", "all");
        run.AssertSameState("rolling back all");

        BothMigrateUp(run);
        run.AssertSameState("migrating up again after rolling back all");
    }

    [Test]
    public void A_profile_is_applied_again_on_every_run_up_with_it_as_in_fluentmigrator()
    {
        using var run = SideBySide.MigrateUp(Features.Profiles);
        run.AssertSameState("migrating up with the profile");

        BothMigrateUp(run);
        run.AssertSameState("migrating up with the profile and nothing pending");
    }

    [Test]
    public void Each_run_up_applies_the_migrations_and_maintenance_its_tags_choose_as_in_fluentmigrator()
    {
        using var run = SideBySide.MigrateUp(Features.Tags with { Tags = [] });
        run.AssertSameState("migrating up without tags");

        run.Feature = Features.Tags with { Tags = ["eu"] };
        BothMigrateUp(run);
        run.AssertSameState("migrating up again with the tag eu");

        run.Feature = Features.Tags with { Tags = ["eu", "production"] };
        BothMigrateUp(run);
        run.AssertSameState("migrating up again with the tags eu and production");

        run.Feature = Features.Tags with { Tags = ["eu"] };
        run.FluentMigrator(runner => runner.MigrateDown(0));
        run.DotnetFmSucceeds("rollback", "all");
        run.AssertSameState("rolling back all with the tag eu");
    }

    private static void BothMigrateUp(SideBySide run)
    {
        run.FluentMigrator(runner => runner.MigrateUp());
        run.DotnetFmSucceeds("migrate");
    }
}
