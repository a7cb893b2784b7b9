using Nexgent.Schema.Cli;
using Nexgent.Schema.Tests.Cli;
using Nexgent.Schema.Tests.Infrastructure;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Workflow;

/// <summary><c>dotnet fm deploy</c>: applies what is pending, never losing data unless told to.</summary>
public sealed class DeployTests
{
    private static string SampleAssembly => Path.Combine(TestContext.CurrentContext.TestDirectory, "Nexgent.Schema.Tests.SampleMigrations.dll");

    [Test]
    public void Deploy_refuses_migrations_that_declare_data_loss_and_applies_nothing()
    {
        using var database = TemplateDatabases.SeededAt(Golden.Versions[0]);
        var catalog = database.Catalog();

        var run = Fm.Run("deploy", "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.DataLossRefused), run.ToString());
        Assert.That(run.Error, Does.Contain("Nothing was applied: 1 pending migration(s) would lose data:")
            .And.Contain("20251212112507 remove_price_sol_from_trading_signals: trading_signals.price_sol is dropped with its values.")
            .And.Contain("--accept-data-loss"));
        Assert.That(run.Error, Does.Not.Contain("20251221120000"), "the snapshots it deletes are in a table created empty by 20251220051448 in the same run");
        Assert.That(run.Error, Does.Not.Contain("20251220052327"), "widening a numeric column keeps every value");
        Assert.That(run.Error, Does.Not.Contain("20260106130000"), "the split carries the flag over before dropping it");
        Assert.That(run.Error, Does.Not.Contain("20251220230728"), "the DCA backfill only fills the columns it adds");
        Assert.That(database.RecordedVersions(), Is.EqualTo(new[] { Golden.Versions[0] }));
        Assert.That(database.Catalog(), Is.EqualTo(catalog));
    }

    [Test]
    public void Deploy_with_accept_data_loss_applies_everything()
    {
        using var database = TemplateDatabases.SeededAt(Golden.Versions[0]);

        var run = Fm.Run("deploy", "--accept-data-loss", "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
        Assert.That(run.Error, Does.Contain("warning: 20251212112507 remove_price_sol_from_trading_signals (up) loses data"));
        Assert.That(database.Catalog(), Is.EqualTo(Golden.CatalogAt(Golden.Latest)));
    }

    [Test]
    public void Deploy_applies_additive_migrations_without_being_told()
    {
        using var database = TemplateDatabases.SeededAt(20251221120000);

        var run = Fm.Run("deploy", "--json", "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
        using var json = System.Text.Json.JsonDocument.Parse(run.Output);
        Assert.That(json.RootElement.GetProperty("applied").GetArrayLength(), Is.EqualTo(Golden.Versions.Count(v => v > 20251221120000)));
        Assert.That(json.RootElement.GetProperty("versionAfter").GetInt64(), Is.EqualTo(Golden.Latest));
    }

    [Test]
    public void Deploy_detects_dropped_columns_deleted_rows_narrowed_types_and_rewritten_values_that_nothing_declares()
    {
        using var database = TestDatabase.Create();
        Assert.That(Fm.Run("migrate", "up", "-t", "20300102000000", "-a", SampleAssembly, "-c", database.ConnectionString).ExitCode, Is.EqualTo(ExitCodes.Success));
        database.Execute("INSERT INTO notes (body, author) VALUES ('', 'ann'), ('!pinned', 'bob')");

        var run = Fm.Run("deploy", "-a", SampleAssembly, "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.DataLossRefused), run.ToString());
        Assert.That(run.Error, Does.Contain("20300103000000 shorten_note_body: changes the type of notes.body from character varying(200) to varchar(50) (2 rows).")
            .And.Contain("20300104000000 purge_empty_notes: deletes rows of notes: DELETE FROM notes WHERE body = '' (2 rows); drops the column notes.author with its values (2 rows)."));
        Assert.That(run.Error, Does.Contain("20300105000000 pin_notes_and_trim_bodies: rewrites every value of notes.body with TYPE varchar(50) USING ... (2 rows)."));
        Assert.That(run.Error, Does.Not.Contain("notes.pinned"), "filling a column the migration adds loses nothing");
        Assert.That(database.RecordedVersions().Max(), Is.EqualTo(20300102000000));
    }

    [Test]
    public void Deploy_with_backup_writes_a_pg_dump_first()
    {
        using var database = TemplateDatabases.SeededAt(20251221120000);
        var file = Path.Combine(Path.GetTempPath(), $"nexgent-{Guid.NewGuid():N}.dump");
        try
        {
            var run = Fm.Run("deploy", "--backup", file, "-c", database.ConnectionString);

            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
            Assert.That(File.ReadAllBytes(file).Take(5), Is.EqualTo("PGDMP"u8.ToArray()), "a pg_dump custom-format archive");
            Assert.That(database.RecordedVersions().Max(), Is.EqualTo(Golden.Latest));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public void Deploy_stops_when_the_backup_fails()
    {
        using var database = TemplateDatabases.SeededAt(20251221120000);

        var run = Fm.Run("deploy", "--backup", "/nonexistent-folder/nexgent.dump", "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failure), run.ToString());
        Assert.That(run.Error, Does.Contain("The backup to /nonexistent-folder/nexgent.dump failed").And.Contain("nothing was applied"));
        Assert.That(database.RecordedVersions().Max(), Is.EqualTo(20251221120000));
    }
}
