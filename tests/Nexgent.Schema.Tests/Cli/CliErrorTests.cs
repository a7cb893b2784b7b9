using Nexgent.Schema.Cli;
using Nexgent.Schema.Tests.Infrastructure;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Cli;

/// <summary>Bad input gets one clear line, a non-zero exit code, no stack trace and never the password.</summary>
public sealed class CliErrorTests
{
    private const string Password = "Sup3r-Secret-Pw";

    [Test]
    public void A_malformed_url_is_one_line_without_the_password()
    {
        var run = Fm.Run("migrate", "-c", $"postgresql://nexgent:{Password}@/nexgent?sslmode=sometimes");

        AssertOneLineError(run, "The connection string is malformed");
    }

    [Test]
    public void A_malformed_keyword_string_is_one_line_without_the_password()
    {
        var run = Fm.Run("migrate", "-c", $"Host=localhost;Password={Password};Colour=blue");

        AssertOneLineError(run, "The connection string is malformed");
    }

    [Test]
    public void An_unreachable_server_is_one_line_without_the_password()
    {
        var run = Fm.Run("migrate", "--timeout", "5", "-c", $"postgresql://nexgent:{Password}@127.0.0.1:1/nexgent?connect_timeout=5");

        AssertOneLineError(run, "Cannot reach PostgreSQL at 127.0.0.1:1");
    }

    [Test]
    public void A_missing_database_is_named()
    {
        var missing = new Npgsql.NpgsqlConnectionStringBuilder(TestServer.Current.AdminConnectionString) { Database = "no_such_nexgent_db", Password = Password };

        var run = Fm.Run("list", "migrations", "-c", missing.ConnectionString);

        AssertOneLineError(run, "The database 'no_such_nexgent_db' does not exist");
    }

    [TestCase("migrate", "up", "-t", "20251211112933")]
    [TestCase("migrate", "down", "-t", "42")]
    [TestCase("rollback", "to", "20991231000000")]
    public void An_unknown_target_version_is_refused_and_nothing_changes(params string[] verb)
    {
        using var database = TemplateDatabases.At(20251221000651);
        var catalog = database.Catalog();

        var run = Fm.Run([.. verb, "-c", WithPassword(database)]);

        AssertOneLineError(run, "is not a migration in the assemblies");
        Assert.That(database.Catalog(), Is.EqualTo(catalog));
    }

    [Test]
    public void A_processor_other_than_postgres_is_refused()
    {
        using var database = TestDatabase.Create();

        var run = Fm.Run("migrate", "-p", "SqlServer2016", "-c", database.ConnectionString);

        AssertOneLineError(run, "The processor 'SqlServer2016' is not supported");
        Assert.That(database.Catalog(), Is.Empty);
    }

    [Test]
    public void A_missing_assembly_is_named()
    {
        using var database = TestDatabase.Create();

        var run = Fm.Run("migrate", "-a", "Missing.Migrations.dll", "-c", database.ConnectionString);

        AssertOneLineError(run, "The migration assembly 'Missing.Migrations.dll' does not exist");
    }

    [Test]
    public void No_connection_at_all_points_at_DATABASE_URL()
    {
        var run = Fm.Run("migrate");

        AssertOneLineError(run, "set DATABASE_URL");
    }

    [Test]
    public void A_failing_rollback_names_the_migration_and_the_reason()
    {
        using var database = TemplateDatabases.SeededAt(20251220053027);
        database.Execute("UPDATE agent_transactions SET input_price = 0.000000000123 WHERE input_price IS NOT NULL");

        var run = Fm.Run("rollback", "-c", WithPassword(database));

        AssertOneLineError(run, "Migration 20251220053027 add_agent_transactions_decimal_precision (down) failed and was rolled back: Cannot change agent_transactions.input_price to numeric(20,8)");
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
    public void Verbose_adds_the_stack_trace()
    {
        var run = Fm.Run("migrate", "-V", "-c", $"postgresql://nexgent:{Password}@127.0.0.1:1/nexgent?connect_timeout=5");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failure));
        Assert.That(run.Error, Does.Contain("   at "));
        Assert.That(run.All, Does.Not.Contain(Password));
    }

    private static string WithPassword(TestDatabase database)
        => new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString) { Password = Password }.ConnectionString;

    private static void AssertOneLineError(FmRun run, string expected)
    {
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failure), run.ToString());
        var errorLines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith("warning: ")).ToList();
        Assert.That(errorLines, Has.Count.EqualTo(1), run.ToString());
        Assert.That(errorLines[0], Does.StartWith("error: ").And.Contain(expected));
        Assert.That(run.All, Does.Not.Contain("   at ").And.Not.Contain("Exception"), "no stack trace");
        Assert.That(run.All, Does.Not.Contain(Password), "no password");
    }
}
