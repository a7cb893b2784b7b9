using Nexgent.Schema.Cli;
using Nexgent.Schema.Runner;
using Nexgent.Schema.Tests.Infrastructure;
using Npgsql;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Cli;

/// <summary>
/// Bad input, case by case: one clear line on standard error, a non-zero exit code, no stack trace, the
/// database untouched, and the password nowhere in the output.
/// </summary>
public sealed class CliErrorTests
{
    private static readonly long Version = 20251221000651;

    private static string Ledger => Path.Combine(TestContext.CurrentContext.TestDirectory, "Nexgent.Schema.Tests.LedgerMigrations.dll");

    private static string Password => new NpgsqlConnectionStringBuilder(TestServer.Current.AdminConnectionString).Password ?? "";

    public static IEnumerable<TestCaseData> Cases()
    {
        yield return Case("a malformed URL", db => ["migrate", "-c", $"postgresql://nexgent:{Password}@/nexgent?sslmode=sometimes"],
            "The connection string is malformed");
        yield return Case("a malformed keyword string", db => ["migrate", "-c", $"Host=localhost;Colour=blue;Password={Password}"],
            "The connection string is malformed (unknown keyword 'colour')");
        yield return Case("an unknown URL parameter", db => ["migrate", "-c", $"postgresql://nexgent:{Password}@localhost/nexgent?schema=public&colour=blue"],
            "The connection URL has the parameter 'colour', which the runner does not read");
        yield return Case("an unreachable host", db => ["migrate", "-c", $"postgresql://nexgent:{Password}@127.0.0.1:1/nexgent?connect_timeout=5"],
            "Cannot reach PostgreSQL at 127.0.0.1:1");
        yield return Case("a wrong password", db => ["migrate", "-c", With(db, password: Password + "-wrong")],
            "refused the login of user");
        yield return Case("a missing database", db => ["status", "-c", With(db, databaseName: "no_such_nexgent_db")],
            "The database 'no_such_nexgent_db' does not exist");
        yield return Case("an unknown target version", db => ["migrate", "up", "-t", "20251211112933", "-c", With(db)],
            "Version 20251211112933 is not a migration in the assemblies");
        yield return Case("an unknown rollback version", db => ["rollback", "to", "20991231000000", "-c", With(db)],
            "Version 20991231000000 is not a migration in the assemblies");
        yield return Case("an out-of-range rollback count", db => ["rollback", "by", "50", "-c", With(db)],
            "Cannot roll back 50 migrations");
        yield return Case("a missing assembly", db => ["migrate", "-a", "Missing.Migrations.dll", "-c", With(db)],
            "The migration assembly 'Missing.Migrations.dll' does not exist");
        yield return Case("a processor other than PostgreSQL", db => ["migrate", "-p", "SqlServer2016", "-c", With(db)],
            "The processor 'SqlServer2016' is not supported");
        yield return Case("no connection at all", db => ["migrate"],
            "set DATABASE_URL");
        yield return Case("a lock not obtained in time", db => ["migrate", "--lock-wait", "1", "-c", With(db)],
            "Another runner has held the migration lock", arrange: HoldMigrationLock);
        yield return Case("a statement longer than --timeout", db => ["migrate", "--timeout", "1", "-a", Ledger, "-c", With(db) + ";Options=-c ledger.step_seconds=30"],
            "Migration 20310105000000 audit_ledger (up) ran longer than the command timeout and was cancelled", arrange: LedgerBeforeTheSlowStep, ledger: true);
        yield return Case("a dirty database", db => ["migrate", "-a", Ledger, "-c", With(db)],
            "cannot run in a transaction and failed midway", arrange: MakeDirty, ledger: true);
    }

    [TestCaseSource(nameof(Cases))]
    public void Bad_input_gets_one_line_a_failure_code_and_an_untouched_database(BadInput input)
    {
        using var database = input.Ledger ? TestDatabase.Create() : TemplateDatabases.At(Version);
        using var held = input.Arrange?.Invoke(database);
        var catalog = database.Catalog();
        var versions = database.RecordedVersions();

        var run = Fm.Run(input.Arguments(database));

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failure), run.ToString());
        var errorLines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith("warning: ")).ToList();
        Assert.That(errorLines, Has.Count.EqualTo(1), run.ToString());
        Assert.That(errorLines[0], Does.StartWith("error: ").And.Contain(input.Expected));
        Assert.That(run.All, Does.Not.Contain("   at ").And.Not.Contain("Exception"), "no stack trace");
        Assert.That(run.All, Does.Not.Contain(Password), "no password");
        Assert.That(database.Catalog(), Is.EqualTo(catalog), "schema untouched");
        Assert.That(database.RecordedVersions(), Is.EqualTo(versions), "versions untouched");
    }

    [Test]
    public void A_failing_rollback_names_the_migration_and_the_reason()
    {
        using var database = TemplateDatabases.SeededAt(20251220053027);
        database.Execute("UPDATE agent_transactions SET input_price = 0.000000000123 WHERE input_price IS NOT NULL");

        var run = Fm.Run("rollback", "-c", With(database));

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failure), run.ToString());
        Assert.That(run.Error, Does.Contain("error: Nothing was rolled back: 1 column(s) hold values that narrowing would round or overflow: agent_transactions.input_price to numeric(20,8) in 20251220053027 add_agent_transactions_decimal_precision (4 rows)"));
        Assert.That(run.All, Does.Not.Contain(Password));
        Assert.That(database.RecordedVersions().Max(), Is.EqualTo(20251220053027));
    }

    [Test]
    public void A_malformed_command_line_exits_with_the_usage_code()
    {
        var run = Fm.Run("rollback", "by", "several");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage), run.ToString());
        Assert.That(run.Error, Does.Contain("several"));
    }

    [Test]
    public void Verbose_adds_the_stack_trace_but_still_no_password()
    {
        var run = Fm.Run("migrate", "-V", "-c", $"postgresql://nexgent:{Password}@127.0.0.1:1/nexgent?connect_timeout=5");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failure));
        Assert.That(run.Error, Does.Contain("   at "));
        Assert.That(run.All, Does.Not.Contain(Password));
    }

    private static TestCaseData Case(string name, Func<TestDatabase, string[]> arguments, string expected, Func<TestDatabase, IDisposable?>? arrange = null, bool ledger = false)
        => new TestCaseData(new BadInput(name, arguments, expected, arrange, ledger)).SetArgDisplayNames(name);

    private static string With(TestDatabase database, string? password = null, string? databaseName = null)
    {
        var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Password = password ?? Password };
        if (databaseName is not null)
        {
            builder.Database = databaseName;
        }

        return builder.ConnectionString;
    }

    private static IDisposable HoldMigrationLock(TestDatabase database)
    {
        var holder = database.Open();
        using var take = new NpgsqlCommand($"SELECT pg_advisory_lock({MigrationLock.KeyFor("public")})", holder);
        take.ExecuteScalar();
        return holder;
    }

    private static IDisposable? LedgerBeforeTheSlowStep(TestDatabase database)
    {
        Assert.That(Fm.Run("migrate", "up", "-t", "20310104000000", "-a", Ledger, "-c", database.ConnectionString).ExitCode, Is.EqualTo(ExitCodes.Success));
        return null;
    }

    private static IDisposable? MakeDirty(TestDatabase database)
    {
        Assert.That(Fm.Run("migrate", "up", "-t", "20310102000000", "-a", Ledger, "-c", database.ConnectionString).ExitCode, Is.EqualTo(ExitCodes.Success));
        database.Execute("INSERT INTO ledger VALUES (1, 'A-1', 10), (2, 'A-1', 20)");
        Assert.That(Fm.Run("migrate", "-a", Ledger, "-c", database.ConnectionString).ExitCode, Is.EqualTo(ExitCodes.Failure));
        return null;
    }
}

/// <summary>One row of the bad-input table.</summary>
public sealed record BadInput(string Name, Func<TestDatabase, string[]> Arguments, string Expected, Func<TestDatabase, IDisposable?>? Arrange, bool Ledger)
{
    public override string ToString() => Name;
}
