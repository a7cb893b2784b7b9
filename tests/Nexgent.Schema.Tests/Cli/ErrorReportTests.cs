using Nexgent.Schema.Cli;
using Nexgent.Schema.Tests.Infrastructure;
using Npgsql;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Cli;

/// <summary>
/// What a person sees when PostgreSQL refuses a migration, or the database or the assemblies hold something odd: the
/// migration, the statement, PostgreSQL's words and what to do, each thing said once, nothing printed raw.
/// </summary>
public sealed class ErrorReportTests
{
    private const string CreateNotes = """
        [Migration(20400101000000)]
        public class CreateNotes : Migration
        {
            public override void Up() => Create.Table("notes").WithColumn("id").AsInt32().PrimaryKey();
            public override void Down() => Delete.Table("notes");
        }
        """;

    private static string Ledger => Path.Combine(TestContext.CurrentContext.TestDirectory, "Nexgent.Schema.Tests.LedgerMigrations.dll");

    [Test]
    public void A_schema_a_statement_names_is_that_statements_error_not_the_connections()
    {
        var assembly = InlineMigrations.Compile("ElsewhereMigrations", """
            [Migration(20400101000000)]
            public class ReferenceElsewhere : Migration
            {
                public override void Up() => Execute.Sql("CREATE TABLE notes (id int, other int REFERENCES nosuch.t (id))");
                public override void Down() => Execute.Sql("DROP TABLE notes");
            }
            """);
        using var database = TestDatabase.Create();

        var run = Fm.Run("migrate", "-a", assembly, "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failure), run.ToString());
        Assert.That(run.Error, Does.Contain("error: Migration 20400101000000 ReferenceElsewhere (up) failed and was rolled back: schema \"nosuch\" does not exist. Correct the migration, then run again.")
            .And.Contain("\n  statement: CREATE TABLE notes (id int, other int REFERENCES nosuch.t (id))"), run.ToString());
        Assert.That(run.Error, Does.Not.Contain("The schema 'public' does not exist"));
    }

    [Test]
    public void A_user_without_create_on_the_schema_is_told_which_privilege_to_grant()
    {
        using var database = TestDatabase.Create();
        var role = "fm_no_create_" + Guid.NewGuid().ToString("N")[..8];
        database.Execute($"CREATE ROLE {role} LOGIN PASSWORD 'no-create-pw'");
        try
        {
            var connection = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Username = role, Password = "no-create-pw" }.ConnectionString;

            var run = Fm.Run("migrate", "-a", InlineMigrations.Compile("NotesMigrations", CreateNotes), "-c", connection);

            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failure), run.ToString());
            Assert.That(run.Error, Does.Contain("error: Migration 20400101000000 CreateNotes (up) failed and was rolled back: permission denied for schema public. " +
                    $"The user {role} lacks the CREATE privilege on schema public: grant it (GRANT CREATE ON SCHEMA public TO \"{role}\";) or connect as the owner of schema public.")
                .And.Contain("\n  statement: CREATE TABLE \"public\".\"VersionInfo\""), run.ToString());
            Assert.That(run.All, Does.Not.Contain("Unexpected failure").And.Not.Contain("no-create-pw"));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            database.Execute($"DROP OWNED BY {role}; DROP ROLE {role}");
        }
    }

    [Test]
    public void A_read_only_database_is_said_to_be_read_only()
    {
        using var database = TestDatabase.Create();
        database.Execute($"ALTER DATABASE \"{database.Name}\" SET default_transaction_read_only = on");

        var run = Fm.Run("migrate", "-a", InlineMigrations.Compile("NotesMigrations", CreateNotes), "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failure), run.ToString());
        Assert.That(run.Error, Does.Contain("error: Migration 20400101000000 CreateNotes (up) failed and was rolled back: cannot execute CREATE TABLE in a read-only transaction. " +
                $"The database '{database.Name}' is read-only for this session (default_transaction_read_only is on")
            .And.Contain($"ALTER DATABASE \"{database.Name}\" SET default_transaction_read_only = off;")
            .And.Contain("\n  statement: CREATE TABLE \"public\".\"VersionInfo\""), run.ToString());
    }

    [Test]
    public void A_migration_that_failed_midway_is_listed_once_as_failed()
    {
        using var database = TestDatabase.Create();
        Assert.That(Fm.Run("migrate", "up", "-t", "20310102000000", "-a", Ledger, "-c", database.ConnectionString).ExitCode, Is.EqualTo(ExitCodes.Success));
        database.Execute("INSERT INTO ledger VALUES (1, 'A-1', 10), (2, 'A-1', 20)");
        Assert.That(Fm.Run("migrate", "-a", Ledger, "-c", database.ConnectionString).ExitCode, Is.EqualTo(ExitCodes.Failure));

        var status = Fm.Run("status", "-a", Ledger, "-c", database.ConnectionString);
        var list = Fm.Run("list", "migrations", "-a", Ledger, "-c", database.ConnectionString);

        Assert.That(Lines(status.Output, "20310103000000"), Has.Count.EqualTo(1).And.All.StartsWith("  failed   20310103000000 unique_ledger_refs"), status.ToString());
        Assert.That(status.Output, Does.Contain(" 2 applied, 2 pending, 0 unknown, 1 failed."), status.ToString());
        Assert.That(Lines(list.Output, "20310103000000"), Has.Count.EqualTo(1).And.All.Contain(" failed ").And.All.Not.Contain("pending"), list.ToString());
        Assert.That(list.Output, Does.Contain("2 applied, 2 pending, 1 failed."), list.ToString());
    }

    [Test]
    public void Control_characters_from_the_database_are_printed_escaped()
    {
        using var database = TemplateDatabases.At(Golden.Latest);
        database.Execute("INSERT INTO \"VersionInfo\" (\"Version\", \"AppliedOn\", \"Description\") VALUES (29990101000000, now(), E'evil\\x1b]0;pwned\\x07\\x1b[2J')");

        var status = Fm.Run("status", "-c", database.ConnectionString);
        var list = Fm.Run("list", "migrations", "-c", database.ConnectionString);

        foreach (var run in new[] { status, list })
        {
            Assert.That(run.Output, Does.Contain("evil\\x1b]0;pwned\\x07\\x1b[2J"), run.ToString());
            Assert.That(run.Output.Contains('\u001b', StringComparison.Ordinal), Is.False, "no raw ESC");
        }
    }

    [Test]
    public void A_migration_whose_constructor_throws_is_named_with_its_exception()
    {
        var assembly = InlineMigrations.Compile("BoomMigrations", """
            [Migration(20400101000000)]
            public class Boom : Migration
            {
                public Boom() => throw new InvalidOperationException("boom in ctor");
                public override void Up() { }
                public override void Down() { }
            }
            """);
        using var database = TestDatabase.Create();

        var run = Fm.Run("list", "migrations", "-a", assembly, "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failure), run.ToString());
        Assert.That(run.Error, Is.EqualTo("error: The migration Boom could not be created: its constructor threw InvalidOperationException: boom in ctor; correct the constructor.\n"), run.ToString());
    }

    [Test]
    public void An_assembly_without_migrations_is_said_to_hold_none()
    {
        using var database = TestDatabase.Create();

        var run = Fm.Run("list", "migrations", "-a", Path.Combine(TestContext.CurrentContext.TestDirectory, "Npgsql.dll"), "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failure), run.ToString());
        Assert.That(run.Error, Does.StartWith("error: The assembly Npgsql holds no migration (no public class with [Migration]); give the assembly that holds the migrations."), run.ToString());
    }

    [Test]
    public void A_lock_timeout_postgresql_would_refuse_is_a_usage_error()
    {
        var run = Fm.Run("migrate", "--lock-timeout", "2147484", "-c", "postgresql://nobody@127.0.0.1:1/nothing");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage), run.ToString());
        Assert.That(run.Error, Does.Contain("error: --lock-timeout 2147484 is more than PostgreSQL's lock_timeout accepts; give 0 to 2147483 seconds."), run.ToString());
    }

    private static List<string> Lines(string output, string containing)
        => output.Split('\n').Where(line => line.Contains(containing, StringComparison.Ordinal)).ToList();
}
