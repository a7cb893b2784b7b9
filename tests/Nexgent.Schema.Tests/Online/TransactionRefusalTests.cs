using Nexgent.Schema.Cli;
using Nexgent.Schema.Runner;
using Nexgent.Schema.Tests.Cli;
using Nexgent.Schema.Tests.OnlineMigrations;
using NUnit.Framework;
using static Nexgent.Schema.Tests.Online.OnlineDatabase;

namespace Nexgent.Schema.Tests.Online;

/// <summary>
/// A migration that runs in a transaction (FluentMigrator's default) but holds a block that cannot: refused in one
/// sentence before anything runs, instead of PostgreSQL's "cannot run inside a transaction block" once the migrations
/// before it have been applied. The two such migrations are tagged "mistaken"; only runs with --tag mistaken meet them.
/// </summary>
public sealed class TransactionRefusalTests
{
    [Test]
    public void Migrations_that_cannot_run_in_their_transaction_are_refused_before_the_first_pending_one_runs()
    {
        using var database = At(Created);
        var catalog = database.Catalog();

        var run = Fm.Run("migrate", "--tag", "mistaken", "-a", Assembly, "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failure), run.ToString());
        Assert.That(run.Error, Is.EqualTo(
            "error: Migration 20321201000000 index_trades_in_a_transaction (up) runs DROP INDEX CONCURRENTLY and CREATE INDEX CONCURRENTLY, and " +
            "migration 20321202000000 backfill_trades_in_a_transaction (up) runs COMMIT inside a DO block, which PostgreSQL cannot run inside a transaction, " +
            "but they run in one: declare each [Migration(version, TransactionBehavior.None, \"description\")]; nothing was applied.\n"));
        Assert.That(run.Output, Does.Not.Contain("Applying"));
        Assert.That(database.RecordedVersions(), Is.EqualTo(new[] { Created }), "not even the five good migrations before them");
        Assert.That(database.Catalog(), Is.EqualTo(catalog));
    }

    [Test]
    public void One_such_migration_is_named_with_the_declaration_it_needs()
    {
        using var database = At(Required);

        var run = Fm.Run("migrate", "up", "-t", IndexInATransaction.ToString(), "--tag", "mistaken", "-a", Assembly, "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failure), run.ToString());
        Assert.That(run.Error, Is.EqualTo(
            "error: Migration 20321201000000 index_trades_in_a_transaction (up) runs DROP INDEX CONCURRENTLY and CREATE INDEX CONCURRENTLY, which PostgreSQL cannot run inside a transaction, " +
            "but the migration runs in one: declare it [Migration(20321201000000, TransactionBehavior.None, \"index_trades_in_a_transaction\")]; nothing was applied.\n"));
    }

    [Test]
    public void Validate_reports_each_such_migration_as_a_problem()
    {
        using var database = At(Created);

        var run = Fm.Run("validate", "--tag", "mistaken", "-a", Assembly, "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.ValidationFailed), run.ToString());
        Assert.That(run.Output, Does.Contain(
            "Migration 20321201000000 index_trades_in_a_transaction runs DROP INDEX CONCURRENTLY and CREATE INDEX CONCURRENTLY in its Up, which PostgreSQL cannot run inside a transaction: " +
            "declare it [Migration(20321201000000, TransactionBehavior.None, \"index_trades_in_a_transaction\")]."));
        Assert.That(run.Output, Does.Contain("Migration 20321202000000 backfill_trades_in_a_transaction runs COMMIT inside a DO block in its Up"));
    }

    [Test]
    public void A_rollback_through_such_a_migration_is_refused_too()
    {
        using var database = At(Required);
        // As if it had been applied some other way (by an older runner, say): its Down would fail the same way.
        database.Execute($"""
            CREATE INDEX trades_amount_idx ON trades (amount);
            INSERT INTO "VersionInfo" ("Version", "AppliedOn", "Description") VALUES ({IndexInATransaction}, now(), 'index_trades_in_a_transaction');
            """);

        var run = Fm.Run("rollback", "to", Validated.ToString(), "--tag", "mistaken", "-a", Assembly, "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failure), run.ToString());
        Assert.That(run.Error, Does.Contain(
            "error: Migration 20321201000000 index_trades_in_a_transaction (down) runs DROP INDEX CONCURRENTLY, which PostgreSQL cannot run inside a transaction, " +
            "but the migration runs in one: declare it [Migration(20321201000000, TransactionBehavior.None, \"index_trades_in_a_transaction\")]; nothing was rolled back."));
        Assert.That(database.RecordedVersions().Max(), Is.EqualTo(IndexInATransaction));
        Assert.That(IsNotNull(database, "fee"), Is.True, "the migrations below it were not rolled back either");
    }

    [Test]
    public void A_preview_shows_the_sql_and_warns()
    {
        using var database = At(Required);

        var run = Fm.Run("migrate", "--preview", "--tag", "mistaken", "-a", Assembly, "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
        Assert.That(run.Error, Does.Contain("warning: Migration 20321201000000 index_trades_in_a_transaction (up) runs DROP INDEX CONCURRENTLY and CREATE INDEX CONCURRENTLY")
            .And.Contain("nothing was applied. A run that is not a preview refuses it."));
        Assert.That(run.All, Does.Contain("CREATE INDEX CONCURRENTLY \"trades_amount_idx\" ON \"trades\" (\"amount\");"));
    }

    [Test]
    public void Validate_can_name_every_such_migration_in_either_direction()
    {
        using var scope = SchemaRunnerScope.Create(options =>
        {
            options.ConnectionString = "Host=localhost";
            options.MigrationAssemblies.Add(typeof(CreateTrades).Assembly);
            options.Tags.Add("mistaken");
        });

        Assert.That(scope.Runner.MigrationsThatCannotRunInATransaction(), Is.EqualTo(new[]
        {
            "Migration 20321201000000 index_trades_in_a_transaction runs DROP INDEX CONCURRENTLY and CREATE INDEX CONCURRENTLY in its Up, which PostgreSQL cannot run inside a transaction: declare it [Migration(20321201000000, TransactionBehavior.None, \"index_trades_in_a_transaction\")].",
            "Migration 20321201000000 index_trades_in_a_transaction runs DROP INDEX CONCURRENTLY in its Down, which PostgreSQL cannot run inside a transaction: declare it [Migration(20321201000000, TransactionBehavior.None, \"index_trades_in_a_transaction\")].",
            "Migration 20321202000000 backfill_trades_in_a_transaction runs COMMIT inside a DO block in its Up, which PostgreSQL cannot run inside a transaction: declare it [Migration(20321202000000, TransactionBehavior.None, \"backfill_trades_in_a_transaction\")].",
            "Migration 20321202000000 backfill_trades_in_a_transaction runs COMMIT inside a DO block in its Down, which PostgreSQL cannot run inside a transaction: declare it [Migration(20321202000000, TransactionBehavior.None, \"backfill_trades_in_a_transaction\")].",
        }));
    }
}
