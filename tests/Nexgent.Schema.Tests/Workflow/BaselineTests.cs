using Nexgent.Schema.Cli;
using Nexgent.Schema.Tests.Cli;
using Nexgent.Schema.Tests.Infrastructure;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Workflow;

/// <summary>Taking over a database Prisma (or a person) built, without running its migrations again.</summary>
public sealed class BaselineTests
{
    private const long PrismaVersion = 20260123000000;

    [Test]
    public void Migrate_refuses_a_prisma_database_that_is_not_baselined_and_changes_nothing()
    {
        using var database = PrismaBuilt.At(PrismaVersion);
        var catalog = database.Catalog();

        var run = Fm.Run("migrate", "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failure), run.ToString());
        Assert.That(run.Error, Does.Contain("was migrated by Prisma and records no FluentMigrator version; run `dotnet fm baseline --from-prisma` first"));
        Assert.That(database.Catalog(), Is.EqualTo(catalog));
        Assert.That(database.RecordedVersions(), Is.Empty);
    }

    [Test]
    public void Migrate_refuses_a_schema_built_by_hand_and_points_at_baseline_version()
    {
        using var database = TemplateDatabases.At(20251213231745);
        database.Execute("DROP TABLE \"VersionInfo\"");

        var run = Fm.Run("migrate", "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failure), run.ToString());
        Assert.That(run.Error, Does.Contain("already holds tables but records no migration").And.Contain("dotnet fm baseline --version V"));
        Assert.That(database.Catalog(), Is.EqualTo(Golden.CatalogAt(20251213231745)));
    }

    [Test]
    public void Baseline_from_prisma_then_migrate_applies_only_the_newer_migrations_and_keeps_the_data()
    {
        using var database = PrismaBuilt.At(PrismaVersion);
        var agents = database.Rows("SELECT id, name, trading_mode FROM agents ORDER BY id");

        var baseline = Fm.Run("baseline", "--from-prisma", "-c", database.ConnectionString);
        var migrate = Fm.Run("migrate", "-c", database.ConnectionString);

        Assert.That(baseline.ExitCode, Is.EqualTo(ExitCodes.Success), baseline.ToString());
        Assert.That(baseline.Output, Does.Contain("Recorded 12 migration(s) as applied, up to 20260123000000"));
        Assert.That(migrate.ExitCode, Is.EqualTo(ExitCodes.Success), migrate.ToString());
        Assert.That(migrate.Output.Split('\n').Count(l => l.StartsWith("Applied ")), Is.EqualTo(Golden.Versions.Count(v => v > PrismaVersion)));
        Assert.That(database.Catalog(), Is.EquivalentTo(Golden.CatalogAt(Golden.Latest)));
        Assert.That(database.RecordedVersions(), Is.EqualTo(Golden.Versions));
        Assert.That(database.Rows("SELECT id, name, trading_mode FROM agents ORDER BY id"), Is.EqualTo(agents));
    }

    [TestCase("20260106130000_split_automated_trading_by_mode", false, false, "never finished")]
    [TestCase("20260106130000_split_automated_trading_by_mode", true, true, "was rolled back")]
    [TestCase("20260125000000_add_referrals", true, false, "which no migration assembly contains")]
    public void Baseline_from_prisma_refuses_a_history_it_cannot_account_for(string name, bool finished, bool rolledBack, string reason)
    {
        using var database = PrismaBuilt.At(20260106120000);
        PrismaBuilt.Record(database, name, finished, rolledBack);

        var run = Fm.Run("baseline", "--from-prisma", "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failure), run.ToString());
        Assert.That(run.Error, Does.Contain(reason));
        Assert.That(database.RecordedVersions(), Is.Empty);
    }

    [Test]
    public void A_failed_prisma_migration_resolved_and_applied_again_is_accepted()
    {
        using var database = PrismaBuilt.At(20260106120000);
        database.Execute("DELETE FROM \"_prisma_migrations\" WHERE migration_name = '20260106120000_add_automated_trading'");
        PrismaBuilt.Record(database, "20260106120000_add_automated_trading", finished: false, rolledBack: true);
        PrismaBuilt.Record(database, "20260106120000_add_automated_trading");

        var run = Fm.Run("baseline", "--from-prisma", "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
        Assert.That(database.RecordedVersions().Max(), Is.EqualTo(20260106120000));
    }

    [Test]
    public void Baseline_from_prisma_refuses_a_schema_that_drifted_and_names_the_differences()
    {
        using var database = PrismaBuilt.At(PrismaVersion);
        database.Execute("ALTER TABLE api_keys DROP COLUMN scopes");

        var run = Fm.Run("baseline", "--from-prisma", "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failure), run.ToString());
        Assert.That(run.Error, Does.Contain("Nothing was recorded").And.Contain("The column api_keys.scopes (text[] default ARRAY[]::text[]) that the migrations create is missing from the database."));
        Assert.That(database.RecordedVersions(), Is.Empty);
    }

    [Test]
    public void Baseline_to_a_version_records_it_after_checking_the_schema()
    {
        using var database = TemplateDatabases.At(20251221120000);
        database.Execute("DROP TABLE \"VersionInfo\"");

        var wrong = Fm.Run("baseline", "--version", "20251221000651", "-c", database.ConnectionString);
        var right = Fm.Run("baseline", "--version", "20251221120000", "-c", database.ConnectionString);

        Assert.That(wrong.ExitCode, Is.EqualTo(ExitCodes.Failure), wrong.ToString());
        Assert.That(wrong.Error, Does.Contain("Nothing was recorded: the schema is not what the migrations build at that version"));
        Assert.That(right.ExitCode, Is.EqualTo(ExitCodes.Success), right.ToString());
        Assert.That(database.RecordedVersions(), Is.EqualTo(Golden.Versions.Where(v => v <= 20251221120000)));
        Assert.That(Fm.Run("migrate", "-c", database.ConnectionString).ExitCode, Is.EqualTo(ExitCodes.Success));
        Assert.That(database.Catalog(), Is.EquivalentTo(Golden.CatalogAt(Golden.Latest)));
    }

    [Test]
    public void Baseline_without_a_drift_check_records_what_it_is_told()
    {
        using var database = TemplateDatabases.At(20251221120000);
        database.Execute("DROP TABLE \"VersionInfo\"");

        var run = Fm.Run("baseline", "--version", "20251221000651", "--no-drift-check", "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
        Assert.That(database.RecordedVersions().Max(), Is.EqualTo(20251221000651));
    }

    [Test]
    public void Baseline_from_prisma_honours_no_drift_check()
    {
        using var database = PrismaBuilt.At(PrismaVersion);
        database.Execute("CREATE TABLE hand_made (id integer)");

        var checkedRun = Fm.Run("baseline", "--from-prisma", "-c", database.ConnectionString);
        var withoutCheck = Fm.Run("baseline", "--from-prisma", "--no-drift-check", "-c", database.ConnectionString);

        Assert.That(checkedRun.ExitCode, Is.EqualTo(ExitCodes.Failure), checkedRun.ToString());
        Assert.That(checkedRun.Error, Does.Contain("Nothing was recorded"));
        Assert.That(withoutCheck.ExitCode, Is.EqualTo(ExitCodes.Success), withoutCheck.ToString());
        Assert.That(database.RecordedVersions().Max(), Is.EqualTo(PrismaVersion));
    }

    [Test]
    public void Status_of_a_prisma_database_not_yet_adopted_points_at_baseline_from_prisma()
    {
        using var database = PrismaBuilt.At(PrismaVersion);

        var run = Fm.Run("status", "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.NotUpToDate), run.ToString());
        Assert.That(run.Output, Does.Contain("adopt it with `dotnet fm baseline --from-prisma`").And.Not.Contain("Not up to date: run `dotnet fm migrate`"));
    }
}
