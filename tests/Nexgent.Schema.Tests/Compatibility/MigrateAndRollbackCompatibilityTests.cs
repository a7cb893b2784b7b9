using System.Text.RegularExpressions;
using Nexgent.Schema.Cli;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Compatibility;

/// <summary>
/// Every feature's project, migrated up by FluentMigrator's runner and by dotnet fm, gives the same schema and version
/// rows; rolled back, the same again, or, where FluentMigrator cannot roll a migration back, a refusal before the first
/// step instead of FluentMigrator's failure midway.
/// </summary>
public sealed class MigrateAndRollbackCompatibilityTests
{
    [TestCaseSource(typeof(Features), nameof(Features.Reversible))]
    public void Migrate_and_rollback_all_leave_what_fluentmigrators_migrate_up_and_migrate_down_leave(Feature feature)
    {
        using var run = SideBySide.MigrateUp(feature);
        run.AssertSameState("migrating up");

        run.FluentMigrator(runner => runner.MigrateDown(0), withProfile: false);
        run.DotnetFmSucceeds("rollback", "all");

        run.AssertSameState("rolling back all");
    }

    [TestCaseSource(typeof(Features), nameof(Features.NotReversible))]
    public void A_rollback_through_a_migration_fluentmigrator_cannot_roll_back_is_refused_before_the_first_step(Feature feature)
    {
        using var run = SideBySide.MigrateUp(feature);
        run.AssertSameState("migrating up");

        RollbackAllIsRefusedAndRollbackToItWorks(run);
    }

    [TestCaseSource(typeof(Features), nameof(Features.NotReversible))]
    public void A_rollback_through_a_migration_fluentmigrator_cannot_roll_back_is_refused_on_a_database_fluentmigrator_migrated(Feature feature)
    {
        using var run = SideBySide.MigratedByFluentMigratorOnly(feature);

        RollbackAllIsRefusedAndRollbackToItWorks(run);
    }

    /// <summary>
    /// FluentMigrator's MigrateDown(0) fails at the migration it cannot roll back; dotnet fm's `rollback all` refuses,
    /// naming it, and changes nothing; `rollback to` that migration works on both, with the same result.
    /// </summary>
    private static void RollbackAllIsRefusedAndRollbackToItWorks(SideBySide run)
    {
        var feature = run.Feature;
        var blocker = feature.CannotRollBack!;
        FluentMigratorOracle.Fails(feature, run.ByFluentMigrator, runner => runner.MigrateDown(0), withProfile: false);
        TestContext.Out.WriteLine($"FluentMigrator's failed MigrateDown(0) left: {string.Join(", ", DatabaseState.VersionRows(run.ByFluentMigrator, feature.VersionTable))}");
        var before = run.DotnetFmState();

        var refused = run.DotnetFm("rollback", "all");

        Assert.Multiple(() =>
        {
            Assert.That(refused.ExitCode, Is.EqualTo(ExitCodes.Failure), refused.ToString());
            Assert.That(
                refused.Error.Split('\n').Select(line => line.TrimEnd()),
                Has.Some.Match($"^error: Migration {blocker.Version} {Regex.Escape(blocker.Description)} cannot be rolled back: .+; roll back to {blocker.Version} or later instead\\.$"),
                refused.ToString());
            DatabaseState.AssertSame(before, run.DotnetFmState(), "a refused rollback", "dotnet fm before it", "dotnet fm after it");
        });

        run.FluentMigrator(runner => runner.RollbackToVersion(blocker.Version), withProfile: false);
        run.DotnetFmSucceeds("rollback", "to", blocker.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        run.AssertSameState($"rolling back to {blocker.Version}, above the migration that cannot be rolled back");
    }
}
