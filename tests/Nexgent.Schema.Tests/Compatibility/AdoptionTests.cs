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

        var status = run.DotnetFm("status");
        var validate = run.DotnetFm("validate");
        var drift = run.DotnetFm("drift");
        Assert.Multiple(() =>
        {
            Assert.That(status.ExitCode, Is.EqualTo(ExitCodes.Success), $"status:\n{status}");
            Assert.That(validate.ExitCode, Is.EqualTo(ExitCodes.Success), $"validate:\n{validate}");
            Assert.That(drift.ExitCode, Is.EqualTo(ExitCodes.Success), $"drift:\n{drift}");
        });

        run.FluentMigrator(runner => runner.MigrateUp());
        var migrate = run.DotnetFmSucceeds("migrate");
        Assert.That(migrate.All, Does.Contain("Nothing to do"), migrate.ToString());
        run.AssertSameState("migrating up with nothing pending");

        run.FluentMigrator(runner => runner.Rollback(1), withProfile: false);
        run.DotnetFmSucceeds("rollback");
        run.AssertSameState("rolling back the last migration");
    }
}
