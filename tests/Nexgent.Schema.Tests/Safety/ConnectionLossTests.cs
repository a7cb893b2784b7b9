using Microsoft.Extensions.Logging;
using Nexgent.Schema.Cli;
using Nexgent.Schema.Runner;
using Nexgent.Schema.Tests.Cli;
using Nexgent.Schema.Tests.Infrastructure;
using Npgsql;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Safety;

/// <summary>
/// The server closes a runner's sessions between two steps (idle_session_timeout, pg_terminate_backend): every
/// migration it committed has its journal row, and the run goes on, on new sessions, or says where it stopped.
/// </summary>
public sealed class ConnectionLossTests
{
    /// <summary>The version the runs start at; the next migration widens columns of agent_historical_swaps.</summary>
    private const long Start = 20251220051448;
    private const long First = 20251220052327;

    /// <summary>Two steps before agent_historical_swaps: the runner's session of the first idles during the second.</summary>
    private const long TwoStepsBefore = 20251213231745;

    [Test]
    public void A_server_that_ends_idle_sessions_loses_no_journal_row_and_the_run_succeeds()
    {
        using var database = TemplateDatabases.At(TwoStepsBefore);
        using var observer = database.Open();
        using var holder = database.Open();
        ServerSessions.Execute(observer, $"ALTER DATABASE \"{database.Name}\" SET idle_session_timeout = '500ms'");
        try
        {
            var table = ServerSessions.Hold(holder, "LOCK TABLE agent_historical_swaps IN ACCESS SHARE MODE");
            using var runner = Fm.Start("migrate", "-c", database.ConnectionString, "--lock-timeout", "60");
            ServerSessions.WaitingForALock(observer); // the second step waits for the table...
            Thread.Sleep(1500); // ...while the server ends every session of the runner idle for 500 ms
            table.Commit();
            var run = Fm.Finish(runner);

            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
            Assert.That(run.Output, Does.Contain($"is now at version {Golden.Latest}."));
        }
        finally
        {
            ServerSessions.Execute(observer, $"ALTER DATABASE \"{database.Name}\" RESET idle_session_timeout");
        }

        AssertMigratedAndJournaled(database);
    }

    [TestCase("terminated")]
    [TestCase("idle")]
    public void A_runner_whose_sessions_end_between_two_steps_goes_on_with_new_ones(string how)
    {
        using var database = TemplateDatabases.At(Start);
        using var observer = database.Open();
        var connection = how == "idle"
            // Two seconds: far above the runner's own pauses between statements, even on a loaded machine, and the
            // pause between the two steps below is longer still.
            ? new NpgsqlConnectionStringBuilder(database.ConnectionString) { Options = "-c idle_session_timeout=2s" }.ConnectionString
            : database.ConnectionString;
        var betweenSteps = new AfterMessage($"Applied {First} ", () =>
        {
            if (how == "idle")
            {
                Thread.Sleep(5000); // the runner's sessions idle meanwhile, and the server ends them
            }
            else
            {
                TerminateTheRunnersSessionsButTheLock(observer);
            }
        });

        using (var scope = RunnerScope(connection, betweenSteps))
        {
            MigrationResult? result = null;
            Assert.That(() => result = scope.Runner.MigrateUp(), Throws.Nothing, () => string.Join("\n", betweenSteps.Messages));

            Assert.That(betweenSteps.Happened, Is.True);
            Assert.That(result!.Steps.Select(s => s.Version), Is.EqualTo(Golden.Versions.Where(v => v > Start)));
            Assert.That(result.VersionAfter, Is.EqualTo(Golden.Latest));
        }

        AssertMigratedAndJournaled(database);
    }

    [Test]
    public void A_runner_that_cannot_open_a_new_session_between_two_steps_says_where_it_left_the_database()
    {
        using var database = TemplateDatabases.At(Start);
        using var observer = database.Open();
        var betweenSteps = new AfterMessage($"Applied {First} ", () =>
        {
            TestServer.Current.Execute($"ALTER DATABASE \"{database.Name}\" ALLOW_CONNECTIONS false");
            TerminateTheRunnersSessionsButTheLock(observer);
        });

        try
        {
            using var scope = RunnerScope(database.ConnectionString, betweenSteps);
            var error = Assert.Throws<SchemaRunnerException>(() => scope.Runner.MigrateUp())!;

            Assert.That(error.Message, Does.StartWith(
                $"The connection to {scope.Runner.Database.Describe()} was lost before 20251220053027 add_agent_transactions_decimal_precision (up) and could not be opened again (PostgreSQL at "));
            Assert.That(error.Message, Does.EndWith(
                $"answered with an error: database \"{database.Name}\" is not currently accepting connections); the database is at version {First}, and nothing of 20251220053027 add_agent_transactions_decimal_precision (up) ran."));
        }
        finally
        {
            TestServer.Current.Execute($"ALTER DATABASE \"{database.Name}\" ALLOW_CONNECTIONS true");
        }

        Assert.That(database.RecordedVersions().Max(), Is.EqualTo(First));
        ServerSessions.AssertEveryVersionJournaled(database);
    }

    private static SchemaRunnerScope RunnerScope(string connection, ILoggerProvider hook) => SchemaRunnerScope.Create(
        options =>
        {
            options.ConnectionString = connection;
            options.MigrationAssemblies.Add(typeof(Nexgent.Schema.Migrations.Versions.Init).Assembly);
        },
        logging => logging.AddProvider(hook));

    /// <summary>What pg_terminate_backend of the runner's sessions does between two of its steps, its lock spared.</summary>
    private static void TerminateTheRunnersSessionsButTheLock(NpgsqlConnection observer)
    {
        var lockHolder = ServerSessions.LockHolder(observer);
        var ended = observer.Database;
        using var terminate = new NpgsqlCommand(
            $"SELECT array_agg(pid) FROM (SELECT pid, pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{ended}' AND application_name = 'dotnet-fm' AND pid <> {lockHolder}) t",
            observer);
        var pids = terminate.ExecuteScalar() as int[] ?? [];
        Assert.That(pids, Is.Not.Empty, "the runner's migration session was open");
        foreach (var pid in pids)
        {
            Assert.That(() => (long)ServerSessions.Scalar(observer, $"SELECT count(*) FROM pg_stat_activity WHERE pid = {pid}")!, Is.Zero.After(10000, 20));
        }
    }

    private static void AssertMigratedAndJournaled(TestDatabase database)
    {
        Assert.That(database.RecordedVersions(), Is.EqualTo(Golden.Versions));
        ServerSessions.AssertEveryVersionJournaled(database);
        var validate = Fm.Run("validate", "-c", database.ConnectionString);
        Assert.That(validate.ExitCode, Is.EqualTo(ExitCodes.Success), validate.ToString());
        Assert.That(validate.Output, Does.Contain($"Valid: {Golden.Versions.Count} applied migration(s) unchanged."));
    }

    /// <summary>
    /// A logger that runs <paramref name="action"/> on the runner's thread when a message starting with <paramref name="prefix"/>
    /// is logged, once, and keeps every message (for the failure of a test).
    /// </summary>
    private sealed class AfterMessage(string prefix, Action action) : ILoggerProvider, ILogger
    {
        public bool Happened { get; private set; }

        public List<string> Messages { get; } = [];

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var message = formatter(state, exception);
            lock (Messages)
            {
                Messages.Add($"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel}: {message}");
            }

            if (!Happened && message.StartsWith(prefix, StringComparison.Ordinal))
            {
                Happened = true;
                action();
            }
        }

        public void Dispose()
        {
        }
    }
}
