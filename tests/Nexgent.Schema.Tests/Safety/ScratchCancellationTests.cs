using Nexgent.Schema.Cli;
using Nexgent.Schema.Tests.Cli;
using Nexgent.Schema.Tests.Infrastructure;
using Npgsql;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Safety;

/// <summary>
/// Verbs that make scratch databases, interrupted (Ctrl-C, SIGTERM) while a statement runs on one: the statement is
/// cancelled on the server, the scratch databases are dropped, nothing is written, and the process exits 130 with one
/// sentence. (Drift and baseline: <see cref="FaultTests"/>; deploy --rehearse: DeployRehearsalTests.)
/// </summary>
public sealed class ScratchCancellationTests
{
    [TestCase("INT")]
    [TestCase("TERM")]
    public void Interrupting_import_prisma_cancels_its_statement_drops_its_scratch_databases_and_writes_no_class(string signal)
    {
        using var database = TestDatabase.Create();
        var folder = Directory.CreateTempSubdirectory("prisma-").FullName;
        var classes = Directory.CreateTempSubdirectory("classes-").FullName;
        try
        {
            Migration(folder, "20240101000000_init", """CREATE TABLE "item" ("id" INTEGER NOT NULL, CONSTRAINT "item_pkey" PRIMARY KEY ("id"));""");
            Migration(folder, "20240102000000_slow", """SELECT pg_sleep(60); ALTER TABLE "item" ADD COLUMN "label" TEXT;""");
            using var import = Fm.Start("import-prisma", folder, "-d", classes, "-c", database.ConnectionString);
            Interrupt(import, database, "SELECT pg_sleep(60)%", signal);

            var run = Fm.Finish(import);

            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Cancelled), run.ToString());
            Assert.That(Errors(run), Is.EqualTo(new[] { "error: Cancelled while importing the Prisma migrations on scratch databases; they were dropped, and no class was written." }));
            AssertNoScratchLeft(database);
            Assert.That(Directory.GetFiles(classes), Is.Empty, "no class written");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
            Directory.Delete(classes, recursive: true);
        }
    }

    [TestCase("INT")]
    [TestCase("TERM")]
    public void Interrupting_new_from_db_cancels_its_statement_drops_its_shadow_database_and_writes_no_class(string signal)
    {
        const long beforeSlowStep = 20310104000000;
        var ledger = Path.Combine(TestContext.CurrentContext.TestDirectory, "Nexgent.Schema.Tests.LedgerMigrations.dll");
        using var database = TestDatabase.Create();
        Assert.That(Fm.Run("migrate", "up", "-t", beforeSlowStep.ToString(), "-a", ledger, "-c", database.ConnectionString).ExitCode, Is.EqualTo(ExitCodes.Success));
        var classes = Directory.CreateTempSubdirectory("classes-").FullName;
        try
        {
            // The shadow database is built with the database's session settings: its copy of the slow step takes a minute.
            var slow = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Options = "-c ledger.step_seconds=60" }.ConnectionString;
            using var generate = Fm.Start("new", "hand_change", "--from-db", slow, "-a", ledger, "-d", classes);
            Interrupt(generate, database, "SELECT pg_sleep(current_setting%", signal);

            var run = Fm.Finish(generate);

            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Cancelled), run.ToString());
            Assert.That(Errors(run), Has.Count.EqualTo(1).And.All.StartWith("error: Cancelled while generating the migration on a shadow database; it was dropped, no class was written, and ").And.All.EndWith(" was not changed."));
            AssertNoScratchLeft(database);
            Assert.That(Directory.GetFiles(classes), Is.Empty, "no class written");
            Assert.That(database.RecordedVersions().Max(), Is.EqualTo(beforeSlowStep));
        }
        finally
        {
            Directory.Delete(classes, recursive: true);
        }
    }

    private static void Migration(string folder, string name, string sql)
    {
        Directory.CreateDirectory(Path.Combine(folder, name));
        File.WriteAllText(Path.Combine(folder, name, "migration.sql"), sql);
    }

    /// <summary>Waits until the verb runs <paramref name="query"/> on one of its scratch databases, then sends it the signal.</summary>
    private static void Interrupt(System.Diagnostics.Process verb, TestDatabase database, string query, string signal)
    {
        Assert.That(
            () => database.Scalar<long>($"SELECT count(*) FROM pg_stat_activity WHERE datname LIKE '{database.Name}_shadow_%' AND query LIKE '{query}' AND state = 'active'"),
            Is.EqualTo(1).After(60000, 100),
            "the verb never reached its slow statement");
        using var kill = System.Diagnostics.Process.Start("kill", ["-s", signal, verb.Id.ToString()]);
        kill.WaitForExit();
    }

    private static List<string> Errors(FmRun run)
        => run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith("warning: ", StringComparison.Ordinal)).ToList();

    private static void AssertNoScratchLeft(TestDatabase database)
    {
        Assert.That(database.Scalar<long>($"SELECT count(*) FROM pg_database WHERE datname LIKE '{database.Name}_shadow_%'"), Is.Zero, "the scratch databases are dropped");
        Assert.That(database.Scalar<long>($"SELECT count(*) FROM pg_stat_activity WHERE datname LIKE '{database.Name}_shadow_%'"), Is.Zero, "no session left on them, and no statement running");
    }
}
