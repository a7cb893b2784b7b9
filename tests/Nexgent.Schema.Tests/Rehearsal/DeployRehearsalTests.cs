using System.Text.Json;
using Nexgent.Schema.Cli;
using Nexgent.Schema.Tests.Cli;
using Nexgent.Schema.Tests.Infrastructure;
using Npgsql;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Rehearsal;

/// <summary>
/// <c>dotnet fm deploy --rehearse</c>: the pending migrations run on a copy of the database, which is dropped, and
/// the report gives their statements, locks and blocked tables; the database itself never changes.
/// </summary>
public sealed class DeployRehearsalTests
{
    private const long CreateLedger = 20310101000000;
    private const long RequirePositiveAmounts = 20310102000000;
    private const long SlowStep = 20310105000000;

    private static string Ledger => Path.Combine(TestContext.CurrentContext.TestDirectory, "Nexgent.Schema.Tests.LedgerMigrations.dll");

    [Test]
    public void A_rehearsal_reports_each_pending_migration_with_its_statements_locks_and_blocked_tables_and_changes_nothing()
    {
        using var database = LedgerWithRows();
        var versions = database.RecordedVersions();
        var catalog = database.Catalog();

        var run = Fm.Run("deploy", "--rehearse", "--json", "-a", Ledger, "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var report = json.RootElement;
        Assert.That(report.GetProperty("versionBefore").GetInt64(), Is.EqualTo(CreateLedger));
        Assert.That(report.GetProperty("versionAfter").GetInt64(), Is.EqualTo(SlowStep));
        Assert.That(report.GetProperty("failure").ValueKind, Is.EqualTo(JsonValueKind.Null));
        var migrations = report.GetProperty("migrations").EnumerateArray().ToList();
        Assert.That(migrations.Select(m => m.GetProperty("version").GetInt64()), Is.EqualTo(new[] { 20310102000000, 20310103000000, 20310104000000, SlowStep }));
        Assert.That(migrations.Select(m => m.GetProperty("outcome").GetString()), Is.All.EqualTo("applied"));
        Assert.That(migrations.Select(m => m.GetProperty("statements").GetArrayLength()), Is.All.Positive, "each migration with its statements");

        var alter = migrations[0];
        var statements = alter.GetProperty("statements").EnumerateArray().ToList();
        Assert.That(statements.Select(s => s.GetProperty("sql").GetString()), Has.Some.Contains("ADD CONSTRAINT ledger_amount_positive"));
        var first = statements[0];
        Assert.That(first.GetProperty("sql").GetString(), Does.Contain("ADD \"checked_at\""));
        Assert.That(first.GetProperty("locks").EnumerateArray().Select(l => (l.GetProperty("relation").GetString(), l.GetProperty("mode").GetString(), l.GetProperty("newRelation").GetBoolean())),
            Has.Member(("ledger", "ACCESS EXCLUSIVE", false)));
        Assert.That(first.GetProperty("seconds").GetDouble(), Is.Positive);
        Assert.That(statements.Select(s => s.GetProperty("startSeconds").GetDouble()), Is.Ordered.Ascending);
        Assert.That(statements.Last().GetProperty("endSeconds").GetDouble(), Is.LessThanOrEqualTo(alter.GetProperty("seconds").GetDouble()), "the statements end before the commit");
        var ledger = alter.GetProperty("blocking").EnumerateArray().Single(b => b.GetProperty("table").GetString() == "ledger");
        Assert.That(ledger.GetProperty("writesBlockedSeconds").GetDouble(), Is.Positive);
        Assert.That(ledger.GetProperty("readsBlockedSeconds").GetDouble(), Is.Positive);
        Assert.That(report.GetProperty("tables").EnumerateArray().Select(t => t.GetProperty("table").GetString()), Has.Member("ledger"));

        var audit = migrations[3].GetProperty("statements").EnumerateArray().First().GetProperty("locks").EnumerateArray().ToList();
        Assert.That(audit.Where(l => l.GetProperty("relation").GetString() == "ledger_audit").Select(l => l.GetProperty("newRelation").GetBoolean()), Is.Not.Empty.And.All.True, "a table the migration creates is new");
        Assert.That(migrations[3].GetProperty("blocking").EnumerateArray().Select(b => b.GetProperty("table").GetString()), Has.No.Member("ledger_audit"), "and blocks no one");

        AssertUnchanged(database, versions, catalog);
    }

    [Test]
    public void The_text_report_is_a_table_per_migration_and_names_what_a_deploy_would_refuse_without_stopping_the_rehearsal()
    {
        using var database = TemplateDatabases.SeededAt(Golden.Versions[0]);
        var versions = database.RecordedVersions();
        var catalog = database.Catalog();

        var run = Fm.Run("deploy", "--rehearse", "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.DataLossRefused), "exits as the deploy would\n" + run);
        Assert.That(run.Output, Does.Contain("Rehearsed the deploy of ").And.Contain("then dropped); the database was not changed."));
        Assert.That(run.Output, Does.Contain("20251220052327 increase_decimal_precision_for_token_prices: "));
        Assert.That(run.Output, Does.Match(@"#\s+at \(s\)\s+time \(s\)\s+locks taken\s+statement"));
        Assert.That(run.Output, Does.Contain("agent_positions ACCESS EXCLUSIVE"));
        Assert.That(run.Output, Does.Contain("A deploy would refuse 1 migration(s) that lose data, unless the loss is accepted:\n  20251212112507 remove_price_sol_from_trading_signals: trading_signals.price_sol is dropped with its values."));
        Assert.That(run.Output, Does.Contain($"The deploy would take {DescribedIn(run.Output)} from version {Golden.Versions[0]} to {Golden.Latest}."));
        Assert.That(run.Output, Does.Not.Contain("not run"), "the refusal did not stop the rehearsal");
        AssertUnchanged(database, versions, catalog);

        var accepted = Fm.Run("deploy", "--rehearse", "--accept-data-loss", "--json", "-c", database.ConnectionString);
        Assert.That(accepted.ExitCode, Is.EqualTo(ExitCodes.Success), accepted.ToString());
        using var json = JsonDocument.Parse(accepted.Output);
        Assert.That(json.RootElement.GetProperty("wouldRefuse").EnumerateArray().Select(v => v.GetInt64()), Is.EqualTo(new[] { 20251212112507 }));
    }

    [Test]
    public void A_rehearsal_with_a_backup_is_a_usage_error()
    {
        var run = Fm.Run("deploy", "--rehearse", "--backup", "before.dump", "-c", "postgresql://nobody@127.0.0.1:1/none");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage), run.ToString());
        Assert.That(run.Error, Does.StartWith("error: A rehearsal changes nothing, so it takes no backup; leave out --backup"));
        Assert.That(File.Exists(Path.Combine(TestContext.CurrentContext.TestDirectory, "before.dump")), Is.False);
    }

    [Test]
    public void A_migration_failing_in_the_rehearsal_is_reported_with_the_statement_that_failed_and_leaves_nothing_behind()
    {
        using var database = LedgerWithRows();
        database.Execute("INSERT INTO ledger VALUES (4, 'A-4', -1)");
        var versions = database.RecordedVersions();
        var catalog = database.Catalog();

        var run = Fm.Run("deploy", "--rehearse", "--json", "-a", Ledger, "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failure), run.ToString());
        Assert.That(run.Error, Does.Contain($"error: The deploy would fail: Migration {RequirePositiveAmounts} require_positive_amounts (up) failed and was rolled back: check constraint \"ledger_amount_positive\"")
            .And.Contain("The copy was dropped, and the database was not changed."));
        using var json = JsonDocument.Parse(run.Output);
        var migrations = json.RootElement.GetProperty("migrations").EnumerateArray().ToList();
        Assert.That(migrations.Select(m => m.GetProperty("outcome").GetString()), Is.EqualTo(new[] { "failed", "notRun", "notRun", "notRun" }));
        Assert.That(migrations.Select(m => m.GetProperty("transactional").GetBoolean()), Is.EqualTo(new[] { true, false, true, true }), "20310103000000 runs CREATE INDEX CONCURRENTLY");
        var failed = migrations[0].GetProperty("statements").EnumerateArray().Where(s => s.GetProperty("failed").GetBoolean()).ToList();
        Assert.That(failed.Select(s => s.GetProperty("sql").GetString()), Is.EqualTo(new[] { "ALTER TABLE ledger ADD CONSTRAINT ledger_amount_positive CHECK (amount >= 0);" }));
        Assert.That(json.RootElement.GetProperty("failure").GetString(), Does.Contain("violated by some row"));
        AssertUnchanged(database, versions, catalog);
    }

    [Test]
    public void Interrupting_a_rehearsal_drops_the_copy_and_exits_130()
    {
        using var database = LedgerWithRows();
        var versions = database.RecordedVersions();
        var catalog = database.Catalog();
        // The copy is reached with the database's session settings: its slow step takes a minute.
        var slow = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Options = "-c ledger.step_seconds=60" }.ConnectionString;
        using var runner = Fm.Start("deploy", "--rehearse", "-a", Ledger, "-c", slow);
        WaitUntilTheSlowStepRunsOnTheCopy(database);

        using (var kill = System.Diagnostics.Process.Start("kill", ["-s", "TERM", runner.Id.ToString()]))
        {
            kill.WaitForExit();
        }

        var run = Fm.Finish(runner);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Cancelled), run.ToString());
        Assert.That(run.Error, Does.StartWith($"error: Cancelled while rehearsing {SlowStep} audit_ledger (up); the copy was dropped, and ").And.Contain("was not changed."));
        Assert.That(database.Scalar<long>($"SELECT count(*) FROM pg_stat_activity WHERE datname LIKE '{database.Name}_shadow_%'"), Is.Zero, "no session left on the copy");
        AssertUnchanged(database, versions, catalog);
    }

    [Test]
    public void With_rehearse_on_the_copy_is_made_on_the_server_named_and_dropped_there()
    {
        using var database = LedgerWithRows();
        using var elsewhere = TestDatabase.Create();
        var versions = database.RecordedVersions();
        var catalog = database.Catalog();

        var run = Fm.Run("deploy", "--rehearse-on", elsewhere.ConnectionString, "--json", "-a", Ledger, "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        Assert.That(json.RootElement.GetProperty("copiedTo").GetString(), Does.StartWith($"{elsewhere.Name}_shadow_"), "named as drift's shadow databases, after the database connected to there");
        Assert.That(json.RootElement.GetProperty("versionAfter").GetInt64(), Is.EqualTo(SlowStep));
        Assert.That(elsewhere.Scalar<long>($"SELECT count(*) FROM pg_database WHERE datname LIKE '{elsewhere.Name}_shadow_%'"), Is.Zero, "dropped");
        AssertUnchanged(database, versions, catalog);
    }

    [Test]
    public void With_nothing_pending_no_copy_is_made()
    {
        using var database = LedgerWithRows();
        Assert.That(Fm.Run("migrate", "-a", Ledger, "-c", database.ConnectionString).ExitCode, Is.EqualTo(ExitCodes.Success));

        var run = Fm.Run("deploy", "--rehearse", "-a", Ledger, "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
        Assert.That(run.Output, Does.StartWith("Nothing to rehearse: ").And.Contain($"is at version {SlowStep}."));
        Assert.That(run.All, Does.Not.Contain("Copying"));
    }

    private static TestDatabase LedgerWithRows()
    {
        var database = TestDatabase.Create();
        var setUp = Fm.Run("migrate", "up", "-t", CreateLedger.ToString(), "-a", Ledger, "-c", database.ConnectionString);
        Assert.That(setUp.ExitCode, Is.EqualTo(ExitCodes.Success), setUp.ToString());
        database.Execute("INSERT INTO ledger VALUES (1, 'A-1', 10), (2, 'A-2', 20), (3, 'A-3', 30)");
        return database;
    }

    /// <summary>The same versions and catalog as before, and no copy left on the server.</summary>
    private static void AssertUnchanged(TestDatabase database, List<long> versions, List<string> catalog)
    {
        Assert.That(database.RecordedVersions(), Is.EqualTo(versions), "nothing recorded");
        Assert.That(database.Catalog(), Is.EqualTo(catalog), "nothing changed");
        Assert.That(database.Scalar<long>($"SELECT count(*) FROM pg_database WHERE datname LIKE '{database.Name}_shadow_%'"), Is.Zero, "the copy is dropped");
    }

    /// <summary>How the report names the database: the text between "Rehearsed the deploy of " and " on a copy".</summary>
    private static string DescribedIn(string output)
    {
        var start = output.IndexOf("Rehearsed the deploy of ", StringComparison.Ordinal) + "Rehearsed the deploy of ".Length;
        return output[start..output.IndexOf(" on a copy", start, StringComparison.Ordinal)];
    }

    private static void WaitUntilTheSlowStepRunsOnTheCopy(TestDatabase database)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if (database.Scalar<long>($"SELECT count(*) FROM pg_stat_activity WHERE datname LIKE '{database.Name}_shadow_%' AND query LIKE 'SELECT pg_sleep(current_setting%' AND state = 'active'") > 0)
            {
                return;
            }

            Thread.Sleep(100);
        }

        Assert.Fail("The rehearsal never reached the slow step.");
    }
}
