using Nexgent.Schema.Cli;
using Nexgent.Schema.Tests.Cli;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Compatibility;

/// <summary>
/// A checksum changes when a migration's code changes, and only then: ClockAndRandomValues, whose rows and default are
/// the time of the run and new Guids, is unchanged to validate however often it is built; an edit to a value, a column
/// or a default written in its code is a change, next to the values that vary.
/// </summary>
public sealed class ChecksumTests
{
    private static readonly Feature Clock = Features.ClockAndRandomValues;

    [TestCase("kind = \"installed\" })", "kind = \"installed-again\" })", 2, "RecordInstallation", TestName = "A row value edited next to DateTime.Now and Guid.NewGuid() is a change")]
    [TestCase(".WithDefaultValue(\"setup\")", ".WithDefaultValue(\"manual\")", 3, "AddAuditEventsSource", TestName = "A default written in the code is a change")]
    [TestCase(".AsString(20)", ".AsString(40)", 1, "CreateAuditEvents", TestName = "A column type edited next to a DateTime.Now default is a change")]
    public void An_edit_to_what_the_code_writes_is_reported_by_validate(string before, string after, long version, string description)
    {
        using var run = SideBySide.MigrateUp(Clock);
        var edited = FixtureAssembly.PathOfEdited(Clock.Name, source => source.Replace(before, after, StringComparison.Ordinal));

        var validate = Fm.Run("validate", "-a", edited, "-c", run.ByDotnetFm.ConnectionString);

        Assert.That(validate.ExitCode, Is.EqualTo(ExitCodes.ValidationFailed), validate.ToString());
        Assert.That(validate.Output, Does.Contain($"Migration {version} {description} has changed since it was applied"));
        Assert.That(validate.Output, Does.Contain("1 problem(s)"), "only the edited migration");
    }

    [Test]
    public void The_same_code_built_again_is_unchanged_to_validate_and_drift()
    {
        using var run = SideBySide.MigrateUp(Clock);
        var rebuilt = FixtureAssembly.PathOfEdited(Clock.Name, source => source + "\n// built again\n");

        var validate = Fm.Run("validate", "-a", rebuilt, "-c", run.ByDotnetFm.ConnectionString);
        var drift = Fm.Run("drift", "-a", rebuilt, "-c", run.ByDotnetFm.ConnectionString);

        Assert.That(validate.ExitCode, Is.EqualTo(ExitCodes.Success), validate.ToString());
        Assert.That(drift.ExitCode, Is.EqualTo(ExitCodes.Success), drift.ToString());
    }

    [Test]
    public void A_default_changed_by_hand_is_drift_even_where_the_migration_sets_it_at_run_time()
    {
        using var run = SideBySide.MigrateUp(Clock);
        run.ByDotnetFm.Execute("ALTER TABLE audit_events ALTER COLUMN recorded_at SET DEFAULT now()");

        var drift = run.DotnetFm("drift");

        Assert.That(drift.ExitCode, Is.EqualTo(ExitCodes.Drift), drift.ToString());
        Assert.That(drift.Output, Does.Contain("audit_events.recorded_at"));
    }
}
