using System.Text.Json;
using Nexgent.Schema.Cli;
using Nexgent.Schema.Tests.Cli;
using Nexgent.Schema.Tests.Infrastructure;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Lint;

/// <summary>
/// <c>dotnet fm lint</c> on the lint test migrations and on Nexgent's: with no database (every migration, nothing
/// connects), with one (the pending migrations, with their tables' sizes), and inside <c>validate</c> and <c>deploy</c>.
/// </summary>
public sealed class LintCliTests
{
    private static string LintMigrations => Path.Combine(TestContext.CurrentContext.TestDirectory, "Nexgent.Schema.Tests.LintMigrations.dll");

    private const string IndexFinding = "20360102000000 index_trades_by_symbol: add-index-without-concurrently on trades";
    private const string RewriteFinding = "20360103000000 widen_trade_prices: alter-column-type-rewrite on trades";
    private const string AcceptedFinding = "20360104000000 add_trade_accounts: add-foreign-key-without-not-valid on trades";
    private const string DropFinding = "20360105000000 drop_trade_notes: drop-column on trades";
    private const string UpdateFinding = "20360106000000 uppercase_symbols: unbatched-data-change on trades";
    private const string NotAnalysedLine = "20360107000000 uppercase_new_symbols: not analysed: CREATE TRIGGER trades_upper_symbol BEFORE INSERT OR UPDATE ON trades FOR EACH ROW EXECUTE FUNCTION trades_upper_symbol()";

    [Test]
    public void With_no_database_every_migration_is_linted_and_nothing_connects()
    {
        // With no -c and no DATABASE_URL the runner has no connection string: anything that tried to connect would fail the run.
        var run = Fm.Run("lint", "-a", LintMigrations);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.LockHazards), run.ToString());
        var lines = run.Output.Split('\n', StringSplitOptions.TrimEntries);
        Assert.That(lines, Does.Contain(IndexFinding).And.Contain(RewriteFinding).And.Contain(DropFinding).And.Contain(UpdateFinding));
        Assert.That(lines, Does.Contain($"{AcceptedFinding}, accepted: trades.account_id is new and NULL in every row: the check finds nothing to compare"));
        Assert.That(lines, Does.Contain("lock: SHARE on trades, blocks writes")
            .And.Contain("statement: CREATE INDEX \"trades_symbol_idx\" ON \"public\".\"trades\" (\"symbol\" ASC)")
            .And.Contain("instead: Execute.CreateIndexConcurrently(...) in a migration of its own, declared [Migration(V, TransactionBehavior.None, \"...\")] (CONCURRENTLY cannot run in a transaction)."));
        Assert.That(lines, Does.Contain("why: price: numeric(20,8) to numeric(30,18) changes the scale, so every value is rewritten and the table's indexes rebuilt (only a larger precision with the same scale, or an unconstrained numeric, would not rewrite)"));
        Assert.That(run.Output, Does.Not.Contain("20360101000000"), "a table and its index created by the same migration: nobody uses it yet");
        Assert.That(lines, Does.Contain(NotAnalysedLine));
        Assert.That(lines[^2], Is.EqualTo("Linted 7 migration(s) with no database (every one in the range, whether applied or not): 4 lock hazard(s), 1 accepted; 1 statement(s) not analysed."));
        Assert.That(run.Error, Is.Empty);
    }

    [Test]
    public void A_range_or_one_version_narrows_what_is_linted()
    {
        var range = Fm.Run("lint", "--from", "20360103000000", "--to", "20360104000000", "-a", LintMigrations);
        var accepted = Fm.Run("lint", "--version", "20360104000000", "-a", LintMigrations);

        Assert.That(range.ExitCode, Is.EqualTo(ExitCodes.LockHazards), range.ToString());
        Assert.That(range.Output, Does.Contain(RewriteFinding).And.Contain(AcceptedFinding).And.Not.Contain(IndexFinding).And.Not.Contain(DropFinding));
        Assert.That(accepted.ExitCode, Is.EqualTo(ExitCodes.Success), "an accepted finding does not fail:\n" + accepted);
        Assert.That(accepted.Output.TrimEnd(), Does.EndWith("Linted 1 migration(s) with no database (every one in the range, whether applied or not): 0 lock hazard(s), 1 accepted."));
    }

    [Test]
    public void A_statement_lint_cannot_read_is_printed_as_not_analysed_and_fails_nothing()
    {
        var run = Fm.Run("lint", "--version", "20360107000000", "-a", LintMigrations);
        var json = Fm.Run("lint", "--version", "20360107000000", "--json", "-a", LintMigrations);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
        Assert.That(run.Output.Split('\n', StringSplitOptions.TrimEntries), Is.EqualTo(new[]
        {
            NotAnalysedLine,
            "No lock hazard in 1 migration(s) with no database (every one in the range, whether applied or not); 1 statement(s) not analysed.",
            "",
        }));
        Assert.That(json.ExitCode, Is.EqualTo(ExitCodes.Success), json.ToString());
        using var document = JsonDocument.Parse(json.Output);
        Assert.That(document.RootElement.GetProperty("isClean").GetBoolean(), Is.True);
        var statement = document.RootElement.GetProperty("notAnalysed").EnumerateArray().Single();
        Assert.That(statement.GetProperty("version").GetInt64(), Is.EqualTo(20360107000000));
        Assert.That(statement.GetProperty("statement").GetString(), Does.StartWith("CREATE TRIGGER trades_upper_symbol"));
    }

    [Test]
    public void With_the_lock_timeout_turned_off_every_strong_lock_is_a_hazard()
    {
        var run = Fm.Run("lint", "--version", "20360102000000", "--lock-timeout", "0", "-a", LintMigrations);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.LockHazards), run.ToString());
        Assert.That(run.Output, Does.Contain("20360102000000 index_trades_by_symbol: strong-lock-without-lock-timeout on trades")
            .And.Contain("why: the runner's lock timeout is 0 (off), so this SHARE lock on trades waits behind any long transaction on it, and every query after it waits as long"));
    }

    [Test]
    public void With_a_database_only_the_pending_migrations_are_linted_with_their_tables_sizes()
    {
        using var database = TestDatabase.Create();
        Assert.That(Fm.Run("migrate", "up", "-t", "20360102000000", "-a", LintMigrations, "-c", database.ConnectionString).ExitCode, Is.EqualTo(ExitCodes.Success));
        database.Execute("INSERT INTO trades (id, symbol, price) SELECT i, 'sol' || i, i FROM generate_series(1, 300) i; ANALYZE trades;");

        var run = Fm.Run("lint", "-a", LintMigrations, "-c", database.ConnectionString);
        var json = Fm.Run("lint", "--json", "-a", LintMigrations, "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.LockHazards), run.ToString());
        Assert.That(run.Output, Does.Not.Contain(IndexFinding), "applied: history, never linted");
        Assert.That(run.Output, Does.Contain($"{RewriteFinding} (about 300 rows, ").And.Contain($"{DropFinding} (about 300 rows, "));
        Assert.That(run.Output, Does.Contain($"Linted 5 pending migration(s) on {Describe(database)}: 3 lock hazard(s), 1 accepted; 1 statement(s) not analysed."));

        Assert.That(json.ExitCode, Is.EqualTo(ExitCodes.LockHazards), json.ToString());
        using var document = JsonDocument.Parse(json.Output);
        var root = document.RootElement;
        Assert.That(root.GetProperty("connected").GetBoolean(), Is.True);
        Assert.That(root.GetProperty("hazards").GetInt32(), Is.EqualTo(3));
        var rewrite = root.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("rule").GetString() == "alter-column-type-rewrite");
        Assert.That(rewrite.GetProperty("version").GetInt64(), Is.EqualTo(20360103000000));
        Assert.That(rewrite.GetProperty("table").GetString(), Is.EqualTo("trades"));
        Assert.That(rewrite.GetProperty("rows").GetInt64(), Is.EqualTo(300));
        Assert.That(rewrite.GetProperty("bytes").GetInt64(), Is.GreaterThan(8192));
        Assert.That(rewrite.GetProperty("lock").GetString(), Is.EqualTo("ACCESS EXCLUSIVE"));
        Assert.That(rewrite.GetProperty("blocks").GetString(), Is.EqualTo("reads and writes"));
        Assert.That(rewrite.GetProperty("isAccepted").GetBoolean(), Is.False);
    }

    [Test]
    public void Nexgents_history_has_hazards_but_a_database_at_the_latest_version_has_nothing_to_lint()
    {
        using var database = TemplateDatabases.At(Golden.Latest);

        var offline = Fm.Run("lint");
        var fromNext = Fm.Run("lint", "--from", (Golden.Latest + 1).ToString());
        var connected = Fm.Run("lint", "-c", database.ConnectionString);

        Assert.That(offline.ExitCode, Is.EqualTo(ExitCodes.LockHazards), offline.ToString());
        Assert.That(offline.Output, Does.Contain("20251220052327 increase_decimal_precision_for_token_prices: alter-column-type-rewrite on agent_historical_swaps")
            .And.Contain("20251220052327 increase_decimal_precision_for_token_prices: alter-column-type-rewrite on agent_positions"));
        Assert.That(offline.Output, Does.Not.Contain("20251211112932"), "Init creates every table it indexes");
        Assert.That(offline.Output, Does.Not.Contain("20251221120000"), "the snapshots are truncated, in the same transaction, before their indexes and key are rebuilt");
        Assert.That(fromNext.ExitCode, Is.EqualTo(ExitCodes.Success), fromNext.ToString());
        Assert.That(fromNext.Output.TrimEnd(), Is.EqualTo("Nothing to lint: no migration is in the range."));
        Assert.That(connected.ExitCode, Is.EqualTo(ExitCodes.Success), connected.ToString());
        Assert.That(connected.Output.TrimEnd(), Is.EqualTo($"Nothing to lint: no migration is pending on {Describe(database)}."));
    }

    [Test]
    public void Validate_reports_the_hazards_of_pending_migrations_as_problems()
    {
        using var database = TestDatabase.Create();
        Assert.That(Fm.Run("migrate", "up", "-t", "20360103000000", "-a", LintMigrations, "-c", database.ConnectionString).ExitCode, Is.EqualTo(ExitCodes.Success));

        var run = Fm.Run("validate", "--json", "-a", LintMigrations, "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.ValidationFailed), run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var problems = json.RootElement.GetProperty("problems").EnumerateArray().Select(p => p.GetString()!).ToList();
        Assert.That(problems, Has.Count.EqualTo(2), string.Join("\n", problems));
        Assert.That(problems[0], Does.StartWith("Migration 20360105000000 drop_trade_notes: lock hazard drop-column on trades (empty by its statistics, "));
        Assert.That(problems[1], Does.StartWith("Migration 20360106000000 uppercase_symbols: lock hazard unbatched-data-change on trades").And.Contain("instead: Execute.BackfillInBatches(...)"));
    }

    [Test]
    public void Deploy_prints_the_hazards_of_what_it_applies_and_applies_it()
    {
        using var database = TestDatabase.Create();
        Assert.That(Fm.Run("migrate", "up", "-t", "20360101000000", "-a", LintMigrations, "-c", database.ConnectionString).ExitCode, Is.EqualTo(ExitCodes.Success));
        database.Execute("INSERT INTO trades (id, symbol, price) SELECT i, 'sol' || i, i FROM generate_series(1, 50) i; ANALYZE trades;");

        var run = Fm.Run("deploy", "--accept-data-loss", "-a", LintMigrations, "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
        Assert.That(run.Error, Does.Contain($"warning: Lock hazard: {IndexFinding} (about 50 rows, ")
            .And.Contain($"warning: Lock hazard: {RewriteFinding} (about 50 rows, "));
        Assert.That(run.Output, Does.Contain($"Lock hazard accepted (trades.account_id is new and NULL in every row: the check finds nothing to compare): {AcceptedFinding}"));
        var output = run.Output;
        Assert.That(run.Error.IndexOf(IndexFinding, StringComparison.Ordinal), Is.GreaterThanOrEqualTo(0));
        Assert.That(output, Does.Contain($"Not analysed for lock hazards: {NotAnalysedLine.Replace(": not analysed", "", StringComparison.Ordinal)}"));
        Assert.That(output.IndexOf("Applying 20360102000000", StringComparison.Ordinal), Is.GreaterThan(output.IndexOf("Lock hazard accepted", StringComparison.Ordinal)), "printed before anything is applied");
        Assert.That(database.RecordedVersions().Max(), Is.EqualTo(20360107000000));
    }

    [Test]
    public void A_single_version_must_be_a_migration_and_the_range_options_do_not_mix()
    {
        var unknown = Fm.Run("lint", "--version", "20360199000000", "-a", LintMigrations);
        var both = Fm.Run("lint", "--version", "20360102000000", "--from", "20360101000000", "-a", LintMigrations);
        var backwards = Fm.Run("lint", "--from", "20360103000000", "--to", "20360102000000", "-a", LintMigrations);

        Assert.That(unknown.ExitCode, Is.EqualTo(ExitCodes.Failure), unknown.ToString());
        Assert.That(unknown.Error, Does.StartWith("error: Version 20360199000000 is not a migration in the assemblies"));
        Assert.That(both.ExitCode, Is.EqualTo(ExitCodes.Usage), both.ToString());
        Assert.That(both.Error, Does.Contain("Give lint either --version V or --from/--to, not both."));
        Assert.That(backwards.ExitCode, Is.EqualTo(ExitCodes.Usage), backwards.ToString());
    }

    [Test]
    public void Lint_that_cannot_reach_its_database_fails_with_the_failure_code()
    {
        var run = Fm.Run("lint", "-a", LintMigrations, "-c", "postgresql://nexgent:secret@127.0.0.1:1/nexgent?connect_timeout=5");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failure), run.ToString());
        Assert.That(run.Error, Does.StartWith("error: Cannot reach PostgreSQL at 127.0.0.1:1"));
    }

    private static string Describe(TestDatabase database) => Nexgent.Schema.Runner.DatabaseConnection.Parse(database.ConnectionString).Describe();

    [Test]
    public void A_verb_that_needs_a_database_still_refuses_to_run_without_one()
    {
        var run = Fm.Run("status", "-a", LintMigrations);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failure), run.ToString());
        Assert.That(run.Error, Does.StartWith("error: No database was given"));
    }
}
