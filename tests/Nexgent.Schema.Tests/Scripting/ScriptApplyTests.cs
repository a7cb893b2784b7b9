using System.Text.Json;
using System.Text.RegularExpressions;
using Nexgent.Schema.Cli;
using Nexgent.Schema.Tests.Cli;
using Nexgent.Schema.Tests.Infrastructure;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Scripting;

/// <summary>
/// Nexgent's migrations scripted and applied with psql, as a DBA applies them: the schema is the golden catalog, and
/// the bookkeeping is what <c>dotnet fm</c> records, so that its status and validate work on the database as on one it
/// migrated itself.
/// </summary>
public sealed class ScriptApplyTests
{
    /// <summary>psql's exit code when a script it runs with ON_ERROR_STOP stops at an error.</summary>
    private const int PsqlScriptError = 3;

    [Test]
    public void An_empty_database_scripted_to_the_latest_version_has_Nexgents_catalog_and_the_bookkeeping_dotnet_fm_migrate_records()
    {
        using var scripted = TestDatabase.Create();
        using var migrated = TestDatabase.Create();

        var run = Scripts.Apply(scripted, Scripts.Write());

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var migrate = Fm.Run("migrate", "-c", migrated.ConnectionString);
        Assert.That(migrate.ExitCode, Is.EqualTo(ExitCodes.Success), migrate.ToString());
        Assert.That(scripted.Catalog(), Is.EqualTo(Golden.CatalogAt(Golden.Latest)));
        Assert.That(Scripts.BookkeepingTables(scripted), Is.EqualTo(Scripts.BookkeepingTables(migrated)).And.Not.Empty);
        Assert.That(Scripts.VersionRows(scripted), Is.EqualTo(Scripts.VersionRows(migrated)).And.Count.EqualTo(Golden.Versions.Count));
        Assert.That(Scripts.JournalRows(scripted), Is.EqualTo(Scripts.JournalRows(migrated)).And.All.Contains(" applied "));

        var status = Fm.Run("status", "-c", scripted.ConnectionString);
        Assert.That(status.ExitCode, Is.EqualTo(ExitCodes.Success), status.ToString());
        Assert.That(status.Output, Does.Contain("Up to date."));
        var validate = Fm.Run("validate", "--json", "-c", scripted.ConnectionString);
        Assert.That(validate.ExitCode, Is.EqualTo(ExitCodes.Success), validate.ToString());
        using var report = JsonDocument.Parse(validate.Output);
        Assert.That(report.RootElement.GetProperty("checksumsVerified").GetInt32(), Is.EqualTo(Golden.Versions.Count));
        Assert.That(report.RootElement.GetProperty("appliedWithoutChecksum").GetInt32(), Is.Zero, "no \"no recorded checksum\"");
    }

    [Test]
    public void A_script_of_part_of_the_history_takes_a_database_at_its_start_to_its_end()
    {
        var (from, to) = (Golden.Versions[5], Golden.Versions[11]);
        using var database = TemplateDatabases.At(from);
        using var migrated = TemplateDatabases.At(to);

        var run = Scripts.Apply(database, Scripts.Write(from, to));

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(database.Catalog(), Is.EqualTo(Golden.CatalogAt(to)));
        Assert.That(Scripts.VersionRows(database), Is.EqualTo(Scripts.VersionRows(migrated)));
        Assert.That(Scripts.JournalRows(database), Is.EqualTo(Scripts.JournalRows(migrated)));
    }

    [Test]
    public void An_idempotent_script_run_twice_changes_nothing_the_second_time()
    {
        using var database = TestDatabase.Create();
        var script = Scripts.Write(idempotent: true);
        var first = Scripts.Apply(database, script);
        Assert.That(first.ExitCode, Is.Zero, first.ToString());
        var rows = Scripts.BookkeepingRows(database);

        var second = Scripts.Apply(database, script);

        Assert.That(second.ExitCode, Is.Zero, second.ToString());
        Assert.That(Regex.Count(second.Output, "already applied, skipped"), Is.EqualTo(Golden.Versions.Count));
        Assert.That(database.Catalog(), Is.EqualTo(Golden.CatalogAt(Golden.Latest)));
        Assert.That(Scripts.BookkeepingRows(database), Is.EqualTo(rows), "every row as it was, its time included");
    }

    [Test]
    public void An_idempotent_script_on_a_database_partway_applies_only_the_rest()
    {
        var partway = Golden.Versions[8];
        using var database = TemplateDatabases.At(partway);
        using var migrated = TemplateDatabases.At(Golden.Latest);
        var before = Scripts.BookkeepingRows(database);

        var run = Scripts.Apply(database, Scripts.Write(idempotent: true));

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(Regex.Count(run.Output, "already applied, skipped"), Is.EqualTo(Golden.Versions.Count(v => v <= partway)));
        Assert.That(database.Catalog(), Is.EqualTo(Golden.CatalogAt(Golden.Latest)));
        Assert.That(Scripts.BookkeepingRows(database), Is.SupersetOf(before), "the applied migrations' rows are left as they were");
        Assert.That(Scripts.VersionRows(database), Is.EqualTo(Scripts.VersionRows(migrated)));
        Assert.That(Scripts.JournalRows(database), Is.EqualTo(Scripts.JournalRows(migrated)));
    }

    private static IEnumerable<long> DownTargets => [Golden.Versions[9], Golden.Empty];

    [TestCaseSource(nameof(DownTargets))]
    public void A_down_script_gives_the_catalog_and_the_bookkeeping_that_rollback_to_gives(long target)
    {
        using var scripted = TemplateDatabases.At(Golden.Latest);
        using var rolledBack = TemplateDatabases.At(Golden.Latest);

        var run = Scripts.Apply(scripted, Scripts.Write(to: target, down: true));

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Migrator.Down(rolledBack, target);
        Assert.That(scripted.Catalog(), Is.EquivalentTo(Golden.CatalogAt(target)));
        Assert.That(scripted.Catalog(), Is.EqualTo(rolledBack.Catalog()), "the same Downs: the same column order too");
        Assert.That(Scripts.VersionRows(scripted), Is.EqualTo(Scripts.VersionRows(rolledBack)));
        Assert.That(Scripts.JournalRows(scripted), Is.EqualTo(Scripts.JournalRows(rolledBack)));
        Assert.That(Scripts.JournalRows(scripted).Where(r => r.Contains(" rolledback ")).ToList(), Has.Count.EqualTo(Golden.Versions.Count(v => v > target)));
    }

    [Test]
    public void A_script_run_on_a_database_at_another_version_stops_with_a_clear_message_and_changes_nothing()
    {
        var (from, at) = (Golden.Versions[5], Golden.Versions[7]);
        using var database = TemplateDatabases.At(at);
        var catalog = database.Catalog();
        var rows = Scripts.BookkeepingRows(database);

        var run = Scripts.Apply(database, Scripts.Write(from));

        Assert.That(run.ExitCode, Is.EqualTo(PsqlScriptError), run.ToString());
        Assert.That(run.Error, Does.Contain(
            $"ERROR:  This script takes schema \"public\" from version {from} to {Golden.Latest}, but the database is at version {at}; nothing was changed: " +
            $"write a script from the version it is at (dotnet fm script --from {at}), or an idempotent one (--idempotent)."));
        Assert.That(database.Catalog(), Is.EqualTo(catalog));
        Assert.That(Scripts.BookkeepingRows(database), Is.EqualTo(rows));
    }

    [Test]
    public void A_script_from_nothing_refuses_a_schema_that_holds_tables_but_no_version_as_the_runner_does()
    {
        using var database = TestDatabase.Create();
        database.Execute("CREATE TABLE users (id uuid PRIMARY KEY)");

        var run = Scripts.Apply(database, Scripts.Write(idempotent: true));

        Assert.That(run.ExitCode, Is.EqualTo(PsqlScriptError), run.ToString());
        Assert.That(run.Error, Does.Contain("ERROR:  The schema \"public\" already holds tables but records no migration; nothing was changed: if they are the schema at some version, record it first (dotnet fm baseline --version V)"));
        Assert.That(database.RecordedVersions(), Is.Empty);
        Assert.That(database.Scalar<bool>("SELECT to_regclass('public.\"VersionInfo\"') IS NULL"), Is.True, "nothing was created");
    }

    /// <summary>
    /// A database a newer release migrated records a version the script's assemblies lack: an idempotent rollback refuses,
    /// as rollback does, rather than drop the tables beneath it and leave its version recorded.
    /// </summary>
    [Test]
    public void An_idempotent_down_script_refuses_a_database_at_a_version_its_assemblies_lack_and_changes_nothing()
    {
        using var database = TemplateDatabases.At(Golden.Latest);
        database.Execute("INSERT INTO \"VersionInfo\" (\"Version\", \"AppliedOn\", \"Description\") VALUES (29990101000000, now(), 'a newer release')");
        var catalog = database.Catalog();
        var rows = Scripts.BookkeepingRows(database);

        var run = Scripts.Apply(database, Scripts.Write(to: 0, down: true, idempotent: true));

        Assert.That(run.ExitCode, Is.EqualTo(PsqlScriptError), run.ToString());
        Assert.That(run.Error, Does.Contain(
            $"ERROR:  The database records version 29990101000000 as applied, which this script does not roll back (its assemblies lack it, or it is above the script's start, {Golden.Latest}); nothing was changed"));
        Assert.That(database.Catalog(), Is.EqualTo(catalog));
        Assert.That(Scripts.BookkeepingRows(database), Is.EqualTo(rows));
    }
}
