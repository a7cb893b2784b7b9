using Nexgent.Schema.Cli;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Compatibility;

/// <summary>
/// A database FluentMigrator's runner migrated (FluentMigrator's version table, none of dotnet fm's bookkeeping) is
/// dotnet fm's to run as it is: no step to adopt it; status, validate and drift report nothing; migrate finds nothing
/// to do; rollback undoes the last migration as FluentMigrator's Rollback(1) does.
/// </summary>
public sealed class AdoptionTests
{
    [TestCaseSource(typeof(Features), nameof(Features.All))]
    public void A_database_migrated_by_fluentmigrators_runner_is_run_by_dotnet_fm_as_it_is(Feature feature)
    {
        using var run = SideBySide.MigratedByFluentMigratorOnly(feature);

        // Every step is checked, and every failure reported, even after one failed.
        Assert.Multiple(() =>
        {
            foreach (var verb in new[] { "status", "validate", "drift" })
            {
                var report = run.DotnetFm(verb);
                Assert.That(report.ExitCode, Is.EqualTo(ExitCodes.Success), $"{verb}:\n{report}");
            }

            run.FluentMigrator(runner => runner.MigrateUp());
            var migrate = run.DotnetFm("migrate");
            Assert.That(migrate.ExitCode, Is.EqualTo(ExitCodes.Success), $"migrate:\n{migrate}");
            Assert.That(migrate.All, Does.Contain("Nothing to do"), $"migrate:\n{migrate}");
            run.AssertSameState("migrating up with nothing pending");

            run.FluentMigrator(runner => runner.Rollback(1), withProfile: false);
            var rollback = run.DotnetFm("rollback");
            Assert.That(rollback.ExitCode, Is.EqualTo(ExitCodes.Success), $"rollback:\n{rollback}");
            run.AssertSameState("rolling back the last migration");
        });
    }
}
