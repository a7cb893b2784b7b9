using Nexgent.Schema.Cli;
using Nexgent.Schema.Tests.Cli;
using Nexgent.Schema.Tests.Infrastructure;
using Npgsql;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Safety;

/// <summary>Runners killed, cut off or started eight at a time: never a half-migrated database.</summary>
public sealed class FaultTests
{
    private const long BeforeSlowStep = 20310104000000;
    private const long SlowStep = 20310105000000;

    private static string Ledger => Path.Combine(TestContext.CurrentContext.TestDirectory, "Nexgent.Schema.Tests.LedgerMigrations.dll");

    [Test]
    public void A_runner_killed_in_the_middle_of_a_migration_leaves_the_previous_version_and_the_next_run_completes()
    {
        using var database = LedgerWithRows();
        using var runner = Fm.Start("migrate", "-a", Ledger, "-c", Slow(database, seconds: 5));
        WaitUntilTheSlowStepRuns(database);

        runner.Kill(); // SIGKILL: no handler, no cleanup, as when a pipeline agent dies
        runner.WaitForExit();
        WaitUntilItsSessionsAreGone(database);

        AssertStillAtTheVersionBefore(database);
        var rerun = Fm.Run("migrate", "-a", Ledger, "-c", database.ConnectionString);
        Assert.That(rerun.ExitCode, Is.EqualTo(ExitCodes.Success), rerun.ToString());
        Assert.That(database.Scalar<long>("SELECT count(*) FROM ledger_audit"), Is.EqualTo(3));
    }

    [Test]
    public void A_runner_whose_connection_is_terminated_fails_clearly_and_the_next_run_completes()
    {
        using var database = LedgerWithRows();
        using var runner = Fm.Start("migrate", "-a", Ledger, "-c", Slow(database, seconds: 60));
        var backend = WaitUntilTheSlowStepRuns(database);

        database.Execute($"SELECT pg_terminate_backend({backend})");
        var run = Fm.Finish(runner);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failure), run.ToString());
        var errors = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith("warning: ")).ToList();
        Assert.That(errors, Has.Count.EqualTo(2), run.ToString());
        Assert.That(errors[0], Does.StartWith("error: Migration 20310105000000 audit_ledger (up) failed"));
        Assert.That(errors[1], Does.StartWith("  statement: SELECT pg_sleep("));
        Assert.That(run.All, Does.Not.Contain("   at "));
        AssertStillAtTheVersionBefore(database);
        Assert.That(Fm.Run("migrate", "-a", Ledger, "-c", database.ConnectionString).ExitCode, Is.EqualTo(ExitCodes.Success));
    }

    [Test]
    public void A_long_data_step_is_not_cut_off_unless_a_timeout_is_asked_for()
    {
        using var database = LedgerWithRows();
        // A one-second command timeout in the connection string: the runner's default (no limit) overrides it.
        var connection = new NpgsqlConnectionStringBuilder(Slow(database, seconds: 3)) { CommandTimeout = 1 }.ConnectionString;

        var run = Fm.Run("migrate", "-a", Ledger, "-c", connection);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
        Assert.That(database.RecordedVersions().Max(), Is.EqualTo(SlowStep));
    }

    [Test]
    public void Eight_runner_processes_started_together_apply_each_migration_once()
    {
        using var database = TestDatabase.Create();

        var runners = Enumerable.Range(0, 8).Select(_ => Fm.Start("migrate", "-c", database.ConnectionString)).ToList();
        var runs = runners.Select(Fm.Finish).ToList();

        Assert.That(runs.Select(r => r.ExitCode), Is.All.EqualTo(ExitCodes.Success), string.Join("\n", runs));
        var applied = runs.SelectMany(r => r.Output.Split('\n')).Count(l => l.StartsWith("Applied "));
        Assert.That(applied, Is.EqualTo(Golden.Versions.Count), "each migration applied by exactly one runner");
        Assert.That(database.RecordedVersions(), Is.EqualTo(Golden.Versions));
        Assert.That(database.Catalog(), Is.EqualTo(Golden.CatalogAt(Golden.Latest)));
    }

    [TestCase("INT")]
    [TestCase("TERM")]
    public void Interrupting_the_cli_cancels_the_statement_on_the_server_and_says_where_the_database_stands(string signal)
    {
        using var database = LedgerWithRows();
        using var runner = Fm.Start("migrate", "-a", Ledger, "-c", Slow(database, seconds: 60));
        WaitUntilTheSlowStepRuns(database);

        using (var kill = System.Diagnostics.Process.Start("kill", ["-s", signal, runner.Id.ToString()]))
        {
            kill.WaitForExit();
        }

        var run = Fm.Finish(runner);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Cancelled), run.ToString());
        Assert.That(run.Error, Does.StartWith($"error: Cancelled during {SlowStep} audit_ledger (up), which was rolled back; ").And.Contain($"is at version {BeforeSlowStep}."));
        Assert.That(database.Scalar<long>($"SELECT count(*) FROM pg_stat_activity WHERE datname = '{database.Name}' AND query LIKE 'SELECT pg_sleep(current_setting%' AND state = 'active'"), Is.Zero, "no statement left running");
        AssertStillAtTheVersionBefore(database);
    }

    [TestCase("TERM", "drift")]
    [TestCase("INT", "drift")]
    [TestCase("TERM", "baseline", "--version", "20310105000000")]
    public void Interrupting_a_drift_check_stops_building_the_shadow_database_and_drops_it(string signal, params string[] verb)
    {
        using var database = LedgerWithRows();
        Assert.That(Fm.Run("migrate", "-a", Ledger, "-c", database.ConnectionString).ExitCode, Is.EqualTo(ExitCodes.Success));
        var recorded = database.RecordedVersions();
        // The shadow database is built with the target's session settings: its copy of the slow step takes a minute.
        using var runner = Fm.Start([.. verb, "-a", Ledger, "-c", Slow(database, seconds: 60)]);
        WaitUntilTheSlowStepRuns(database, inShadow: true);

        using (var kill = System.Diagnostics.Process.Start("kill", ["-s", signal, runner.Id.ToString()]))
        {
            kill.WaitForExit();
        }

        var run = Fm.Finish(runner);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Cancelled), run.ToString());
        Assert.That(run.Error, Does.StartWith("error: Cancelled while building the shadow database for the comparison; it was dropped, and ").And.Contain("was not changed."));
        Assert.That(database.Scalar<long>($"SELECT count(*) FROM pg_database WHERE datname LIKE '{database.Name}_shadow_%'"), Is.Zero, "the shadow database is dropped");
        Assert.That(database.Scalar<long>($"SELECT count(*) FROM pg_stat_activity WHERE datname LIKE '{database.Name}_shadow_%'"), Is.Zero, "no session left on it");
        Assert.That(database.RecordedVersions(), Is.EqualTo(recorded), "nothing recorded");
    }

    [Test]
    public void Cancelling_an_awaited_migration_cancels_its_statement_on_the_server_and_leaves_the_version_before()
    {
        using var database = LedgerWithRows();
        using var migrator = new Migrator(Slow(database, seconds: 60), o =>
        {
            o.MigrationAssemblies.Clear();
            o.MigrationAssemblies.Add(typeof(LedgerMigrations.AuditLedger).Assembly);
        });
        using var cancellation = new CancellationTokenSource();

        var run = migrator.Runner.MigrateUpAsync(cancellationToken: cancellation.Token);
        WaitUntilTheSlowStepRuns(database);
        cancellation.Cancel();
        var error = Assert.ThrowsAsync<OperationCanceledException>(async () => await run)!;

        Assert.That(error.Message, Does.StartWith($"Cancelled during {SlowStep} audit_ledger (up), which was rolled back; ").And.EndWith($"/{database.Name} (schema public) is at version {BeforeSlowStep}."));
        Assert.That(database.Scalar<long>($"SELECT count(*) FROM pg_stat_activity WHERE datname = '{database.Name}' AND query LIKE 'SELECT pg_sleep(current_setting%' AND state = 'active'"), Is.Zero, "the statement was cancelled on the server, not left running");
        AssertStillAtTheVersionBefore(database);
    }

    private static TestDatabase LedgerWithRows()
    {
        var database = TestDatabase.Create();
        var setUp = Fm.Run("migrate", "up", "-t", BeforeSlowStep.ToString(), "-a", Ledger, "-c", database.ConnectionString);
        Assert.That(setUp.ExitCode, Is.EqualTo(ExitCodes.Success), setUp.ToString());
        database.Execute("INSERT INTO ledger VALUES (1, 'A-1', 10), (2, 'A-2', 20), (3, 'A-3', 30)");
        return database;
    }

    /// <summary>The same database, with the slow step of <see cref="SlowStep"/> made to take that long.</summary>
    private static string Slow(TestDatabase database, int seconds)
        => new NpgsqlConnectionStringBuilder(database.ConnectionString) { Options = $"-c ledger.step_seconds={seconds}" }.ConnectionString;

    /// <summary>Waits until the runner's session is inside the slow step (on the target or its shadow database), and returns its process id.</summary>
    private static int WaitUntilTheSlowStepRuns(TestDatabase database, bool inShadow = false)
    {
        var where = inShadow ? $"datname LIKE '{database.Name}_shadow_%'" : $"datname = '{database.Name}'";
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var pid = database.Scalar<int?>($"SELECT pid FROM pg_stat_activity WHERE {where} AND query LIKE 'SELECT pg_sleep(current_setting%' AND state = 'active'");
            if (pid is { } found)
            {
                return found;
            }

            Thread.Sleep(100);
        }

        Assert.Fail("The runner never reached the slow step.");
        return 0;
    }

    /// <summary>
    /// A killed client's backend goes on until its statement ends (pg_sleep does not look at the socket), then
    /// finds the client gone and rolls back. Wait for that, as the next pipeline run would.
    /// </summary>
    private static void WaitUntilItsSessionsAreGone(TestDatabase database)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if (database.Scalar<long>($"SELECT count(*) FROM pg_stat_activity WHERE datname = '{database.Name}' AND application_name = 'dotnet-fm'") == 0)
            {
                return;
            }

            Thread.Sleep(100);
        }

        Assert.Fail("The killed runner's sessions did not end.");
    }

    private static void AssertStillAtTheVersionBefore(TestDatabase database)
    {
        Assert.That(database.RecordedVersions().Max(), Is.EqualTo(BeforeSlowStep), "the version is not recorded");
        Assert.That(database.Scalar<bool>("SELECT to_regclass('public.ledger_audit') IS NULL"), Is.True, "no partial object");
        Assert.That(database.Scalar<long>("SELECT count(*) FROM \"VersionJournal\" WHERE \"State\" <> 'applied'"), Is.Zero, "not dirty");
    }
}
