using Nexgent.Schema.Cli;
using Nexgent.Schema.Runner;
using Nexgent.Schema.Tests.Cli;
using Nexgent.Schema.Tests.Infrastructure;
using Nexgent.Schema.Tests.MistakenMigrations;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Safety;

/// <summary>
/// A failed migration says why: under its one-sentence error come PostgreSQL's DETAIL, HINT and the place in the
/// statement, each on a labelled line; the row values a constraint violation quotes are withheld unless asked for.
/// </summary>
public sealed class FailureExplanationTests
{
    private const string ForeignKeySentence =
        "Migration 20320103000000 add_agent_notes (up) failed and was rolled back: foreign key constraint \"agent_notes_agent_id_fkey\" cannot be implemented. Correct the migration, then run again.";

    private const string ForeignKeyDetail = "detail: Key columns \"agent_id\" and \"id\" are of incompatible types: text and uuid.";

    private const string ForeignKeyStatement =
        "statement: ALTER TABLE \"public\".\"agent_notes\" ADD CONSTRAINT \"agent_notes_agent_id_fkey\" FOREIGN KEY (\"agent_id\") REFERENCES \"public\".\"agents\" (\"id\")";

    private const string DuplicateRef = "secret-ref-7";

    private static string Mistaken => Path.Combine(TestContext.CurrentContext.TestDirectory, "Nexgent.Schema.Tests.MistakenMigrations.dll");

    private static string Ledger => Path.Combine(TestContext.CurrentContext.TestDirectory, "Nexgent.Schema.Tests.LedgerMigrations.dll");

    [Test]
    public void The_runners_exception_gives_the_detail_of_a_foreign_key_between_mismatched_types()
    {
        using var database = TestDatabase.Create();
        using var scope = SchemaRunnerScope.Create(options =>
        {
            options.ConnectionString = database.ConnectionString;
            options.MigrationAssemblies.Add(typeof(AddAgentNotes).Assembly);
        });

        var error = Assert.Throws<SchemaRunnerException>(() => scope.Runner.MigrateUp())!;

        Assert.That(error.Sentence, Is.EqualTo(ForeignKeySentence));
        Assert.That(error.Details, Is.EqualTo(new[] { ForeignKeyDetail, ForeignKeyStatement }));
        Assert.That(error.Message, Is.EqualTo($"{ForeignKeySentence}\n  {ForeignKeyDetail}\n  {ForeignKeyStatement}"));
        Assert.That(database.RecordedVersions(), Is.EqualTo(new[] { 20320101000000L, 20320102000000L }));
    }

    [Test]
    public void The_cli_prints_the_detail_on_a_labelled_line_under_the_error()
    {
        using var database = TestDatabase.Create();

        var run = Fm.Run("migrate", "-a", Mistaken, "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failure), run.ToString());
        Assert.That(ErrorLines(run), Is.EqualTo(new[] { $"error: {ForeignKeySentence}", $"  {ForeignKeyDetail}", $"  {ForeignKeyStatement}" }), run.ToString());
    }

    [Test]
    public void A_hint_and_a_caret_under_the_call_explain_a_function_given_the_wrong_types()
    {
        using var database = TestDatabase.Create();
        Assert.That(Fm.Run("migrate", "up", "-t", "20320102000000", "-a", Mistaken, "-c", database.ConnectionString).ExitCode, Is.EqualTo(ExitCodes.Success));

        var run = Fm.Run("rollback", "-a", Mistaken, "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failure), run.ToString());
        var lines = ErrorLines(run);
        Assert.That(lines, Is.EqualTo(new[]
        {
            "error: Migration 20320102000000 store_quote_prices_as_text (down) failed and was rolled back: function round(text, integer) does not exist. Correct the migration, then run again.",
            "  hint: No function matches the given name and argument types. You might need to add explicit type casts.",
            "  statement: ALTER TABLE quotes ALTER COLUMN price TYPE numeric(20,8) USING round(price, 8)",
            "  position:                                                                 ^ line 2, column 49",
        }), run.ToString());
        Assert.That(lines[3].IndexOf('^'), Is.EqualTo(lines[2].IndexOf("round(", StringComparison.Ordinal)), "the caret is under the call");
        Assert.That(database.RecordedVersions(), Has.Member(20320102000000L), "the failed rollback kept the version");
    }

    [Test]
    public void A_duplicate_key_is_withheld_by_default_even_from_the_verbose_output()
    {
        using var database = LedgerWithDuplicateRefs();

        var run = Fm.Run("migrate", "-V", "-a", Ledger, "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failure), run.ToString());
        Assert.That(run.Error, Does.Contain("error: Migration 20310103000000 unique_ledger_refs (up) failed: could not create unique index \"ledger_ref_key\".")
            .And.Contain("\n  detail: withheld, as it quotes table rows; run again with --show-row-values (ShowRowValuesInErrors) to see it\n"));
        Assert.That(run.Error, Does.Contain("   at "), "the stack trace is there");
        Assert.That(run.All, Does.Not.Contain(DuplicateRef), "nor in FluentMigrator's log or the stack trace");
    }

    [Test]
    public void A_duplicate_key_is_shown_with_show_row_values()
    {
        using var database = LedgerWithDuplicateRefs();

        var run = Fm.Run("migrate", "--show-row-values", "-a", Ledger, "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failure), run.ToString());
        Assert.That(run.Error, Does.Contain($"\n  detail: Key (ref)=({DuplicateRef}) is duplicated.\n"));
    }

    private static List<string> ErrorLines(FmRun run)
        => run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith("warning: ", StringComparison.Ordinal)).ToList();

    private static TestDatabase LedgerWithDuplicateRefs()
    {
        var database = TestDatabase.Create();
        var run = Fm.Run("migrate", "up", "-t", "20310102000000", "-a", Ledger, "-c", database.ConnectionString);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
        database.Execute($"INSERT INTO ledger VALUES (1, '{DuplicateRef}', 10), (2, '{DuplicateRef}', 20)");
        return database;
    }
}
