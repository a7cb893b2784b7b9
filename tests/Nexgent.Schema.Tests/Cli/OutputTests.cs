using System.Text.Json;
using Nexgent.Schema.Cli;
using Nexgent.Schema.Tests.Infrastructure;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Cli;

/// <summary>
/// Output a script can trust: each line once, one JSON document on standard output, the SQL file -o promises (without
/// a byte-order mark), and a file that cannot be written refused before anything runs.
/// </summary>
public sealed class OutputTests
{
    private static string Sample => Path.Combine(TestContext.CurrentContext.TestDirectory, "Nexgent.Schema.Tests.SampleMigrations.dll");

    private const string CreateNotes = "CREATE TABLE \"public\".\"notes\"";

    [Test]
    public void Verbose_prints_each_line_once()
    {
        using var database = TestDatabase.Create();

        var run = Fm.Run("migrate", "-V", "-a", Sample, "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
        var lines = run.Output.Split('\n', StringSplitOptions.TrimEntries);
        Assert.That(lines.Count(l => l.StartsWith(CreateNotes, StringComparison.Ordinal)), Is.EqualTo(1), run.ToString());
        Assert.That(lines.Count(l => l == "Applying 20300101000000 create_notes..."), Is.EqualTo(1), run.ToString());
        Assert.That(lines.Count(l => l.EndsWith("is now at version 20300105000000.", StringComparison.Ordinal)), Is.EqualTo(1), run.ToString());
    }

    [Test]
    public void Json_keeps_the_quotes_of_sql_readable()
    {
        var run = Fm.Run("lint", "--version", "20260211120000", "--json");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.LockHazards), run.ToString());
        Assert.That(run.Output, Does.Contain("ALTER TABLE \\\"public\\\".\\\"trading_signals\\\"").And.Not.Contain("\\u0022"));
        using var document = JsonDocument.Parse(run.Output);
        Assert.That(document.RootElement.ValueKind, Is.EqualTo(JsonValueKind.Object));
    }

    [Test]
    public void Json_stays_one_document_on_standard_output_with_verbose_and_preview()
    {
        using var database = TestDatabase.Create();

        var preview = Fm.Run("deploy", "--json", "--preview", "-V", "-a", Sample, "-c", database.ConnectionString);
        var deploy = Fm.Run("deploy", "--json", "--accept-data-loss", "-V", "-a", Sample, "-c", database.ConnectionString);
        var status = Fm.Run("status", "--json", "-V", "-a", Sample, "-c", database.ConnectionString);

        foreach (var run in new[] { preview, deploy, status })
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
            Assert.DoesNotThrow(() => JsonDocument.Parse(run.Output).Dispose(), run.ToString());
        }

        Assert.That(preview.Error, Does.Contain(CreateNotes), "the preview's script goes to standard error");
        Assert.That(deploy.Error, Does.Contain(CreateNotes).And.Contain("Applying 20300101000000 create_notes..."), "verbose SQL and progress go to standard error");
        using var json = JsonDocument.Parse(deploy.Output);
        Assert.That(json.RootElement.GetProperty("versionAfter").GetInt64(), Is.EqualTo(20300105000000));
    }

    [TestCase(true)]
    [TestCase(false)]
    public void Output_also_writes_the_sql_to_the_file_without_a_byte_order_mark(bool preview)
    {
        using var database = TestDatabase.Create();
        var file = Path.Combine(Path.GetTempPath(), $"fm-output-{Guid.NewGuid():N}.sql");
        try
        {
            var run = preview
                ? Fm.Run("migrate", "--preview", "-o", file, "-a", Sample, "-c", database.ConnectionString)
                : Fm.Run("migrate", "-V", "-o", file, "-a", Sample, "-c", database.ConnectionString);

            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
            Assert.That(run.Output, Does.Contain(CreateNotes), "also: the SQL is still printed");
            var bytes = File.ReadAllBytes(file);
            Assert.That(bytes.Take(3), Is.Not.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }), "no byte-order mark");
            Assert.That(System.Text.Encoding.UTF8.GetString(bytes), Does.Contain(CreateNotes).And.Contain("DELETE FROM notes WHERE body = '';"));
            Assert.That(database.RecordedVersions(), preview ? Is.Empty : Has.Count.EqualTo(5));
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static IEnumerable<TestCaseData> UnwritableFiles()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"fm-missing-{Guid.NewGuid():N}");
        yield return new TestCaseData(Path.Combine(missing, "out.sql"), $"its folder {missing} does not exist").SetArgDisplayNames("a missing folder");
        yield return new TestCaseData(Path.GetTempPath().TrimEnd('/'), "it is a folder").SetArgDisplayNames("a folder");
    }

    [TestCaseSource(nameof(UnwritableFiles))]
    public void An_output_file_that_cannot_be_written_is_one_error_before_anything_is_applied(string file, string reason)
    {
        using var database = TestDatabase.Create();

        var run = Fm.Run("migrate", "-o", file, "-a", Sample, "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failure), run.ToString());
        Assert.That(run.Error.TrimEnd(), Is.EqualTo($"error: Cannot write the SQL to '{file}' (-o): {reason}; give -o a file in a folder that exists and may be written. Nothing was run."));
        Assert.That(run.Output, Is.Empty, "nothing started");
        Assert.That(database.Scalar<long>("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'"), Is.Zero, "not even the version table");
    }
}
