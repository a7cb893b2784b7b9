using Nexgent.Schema.Cli;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Compatibility;

/// <summary>
/// dotnet fm's own commands on a database it migrated from a plain FluentMigrator project: nothing to report, whatever
/// the feature (a migration without a Down may be noted, not failed; values of the clock or of Guid.NewGuid() are not
/// changes).
/// </summary>
public sealed class CommandsAfterMigrateTests
{
    [TestCaseSource(typeof(Features), nameof(Features.All))]
    public void After_dotnet_fm_migrate_status_validate_and_drift_report_nothing(Feature feature)
    {
        using var run = SideBySide.MigrateUp(feature);

        var status = run.DotnetFm("status");
        var validate = run.DotnetFm("validate");
        var drift = run.DotnetFm("drift");

        Assert.Multiple(() =>
        {
            Assert.That(status.ExitCode, Is.EqualTo(ExitCodes.Success), $"status:\n{status}");
            Assert.That(validate.ExitCode, Is.EqualTo(ExitCodes.Success), $"validate:\n{validate}");
            Assert.That(drift.ExitCode, Is.EqualTo(ExitCodes.Success), $"drift:\n{drift}");
        });
    }

    /// <summary>A migration with no description is shown by its class name, as FluentMigrator records it; before it is applied too.</summary>
    [Test]
    public void A_migration_without_a_description_is_listed_by_its_class_name()
    {
        using var run = SideBySide.MigrateUp(Features.MigrationAttributes);
        run.DotnetFmSucceeds("rollback", "to", "202403020930");

        var list = run.DotnetFmSucceeds("list", "migrations");

        Assert.That(list.Output, Does.Match(@"202403020930\s+\S+ \S+\s+applied\s+AddInvoicesDueDate"));
        Assert.That(list.Output, Does.Match(@"202403030000\s+pending\s+AddInvoicesTotal"));
    }
}
