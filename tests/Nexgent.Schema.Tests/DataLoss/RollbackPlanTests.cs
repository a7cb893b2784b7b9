using Nexgent.Schema.Cli;
using Nexgent.Schema.Runner;
using Nexgent.Schema.Runner.Safety;
using Nexgent.Schema.Tests.Cli;
using Nexgent.Schema.Tests.Data;
using Nexgent.Schema.Tests.Infrastructure;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.DataLoss;

/// <summary>
/// A rollback checks every refusal of every Down it plans before the first runs, against the rows as they are, and
/// rolls back nothing when any would refuse: it names them all at once instead of one per run, halfway down.
/// </summary>
public sealed class RollbackPlanTests
{
    private const string Rounded = "0.000000123456789";

    private static string Narrowing => Path.Combine(TestContext.CurrentContext.TestDirectory, "Nexgent.Schema.Tests.NarrowingMigrations.dll");

    [Test]
    public void Rollback_all_refuses_before_any_step_naming_every_column_whose_values_would_be_rounded()
    {
        using var database = TemplateDatabases.SeededAt(Golden.Latest);
        SpoilNarrowings(database);
        var catalog = database.Catalog();

        var error = Assert.Throws<RollbackRefusedException>(() => Migrator.Down(database, Golden.Empty))!;

        Assert.That(error.Refusals.Select(r => $"{r.Version} {r.Table}.{r.Column} {r.Type} {r.Rows}"), Is.EqualTo(new[]
        {
            "20251220053027 agent_transactions.output_price numeric(20,8) 1",
            "20251220052327 agent_positions.purchase_price numeric(20,8) 1",
            "20251220052327 agent_positions.peak_price numeric(20,8) 2",
            "20251220052327 agent_historical_swaps.amount numeric(20,8) 1",
        }));
        Assert.That(error.Message, Is.EqualTo(
            "Nothing was rolled back: 4 column(s) hold values that narrowing would round or overflow: "
            + "agent_transactions.output_price to numeric(20,8) in 20251220053027 add_agent_transactions_decimal_precision (1 row), "
            + "agent_positions.purchase_price to numeric(20,8) in 20251220052327 increase_decimal_precision_for_token_prices (1 row), "
            + "agent_positions.peak_price to numeric(20,8) in 20251220052327 increase_decimal_precision_for_token_prices (2 rows), "
            + "agent_historical_swaps.amount to numeric(20,8) in 20251220052327 increase_decimal_precision_for_token_prices (1 row); "
            + "round or fix those values yourself first (for example UPDATE agent_transactions SET output_price = round(output_price, 8)), then roll back again."));
        Assert.That(database.RecordedVersions().Max(), Is.EqualTo(Golden.Latest));
        Assert.That(database.Catalog(), Is.EqualTo(catalog));
    }

    [Test]
    public void The_cli_prints_the_refusal_as_one_error_and_rolls_back_nothing()
    {
        using var database = TemplateDatabases.SeededAt(Golden.Latest);
        SpoilNarrowings(database);

        var run = Fm.Run("rollback", "all", "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failure), run.ToString());
        Assert.That(run.Error, Does.StartWith("error: Nothing was rolled back: 4 column(s) hold values that narrowing would round or overflow: ")
            .And.Contain("agent_historical_swaps.amount to numeric(20,8) in 20251220052327 increase_decimal_precision_for_token_prices (1 row)"));
        Assert.That(run.All, Does.Not.Contain("Rolling back"), "no Down ran");
        Assert.That(database.RecordedVersions(), Is.EqualTo(Golden.Versions));
    }

    [Test]
    public void A_preview_of_the_rollback_warns_of_the_refusals_and_changes_nothing()
    {
        using var database = TemplateDatabases.SeededAt(Golden.Latest);
        SpoilNarrowings(database);

        var run = Fm.Run("rollback", "all", "--preview", "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
        Assert.That(run.All, Does.Contain("The rollback would refuse to narrow agent_positions.peak_price to numeric(20,8) in 20251220052327 increase_decimal_precision_for_token_prices (2 rows)."));
        Assert.That(database.RecordedVersions(), Is.EqualTo(Golden.Versions));
    }

    [Test]
    public void A_rollback_that_stops_short_of_the_narrowing_does_not_check_it()
    {
        using var database = TemplateDatabases.SeededAt(Golden.Latest);
        SpoilNarrowings(database);

        Migrator.Down(database, 20251220053027);

        Assert.That(database.RecordedVersions().Max(), Is.EqualTo(20251220053027));
    }

    /// <summary>
    /// A column a later Down brings back empty (p), or whose values a later Down recomputes (q), cannot be judged on
    /// the rows as they are: only quotes.v is refused before the first step.
    /// </summary>
    [Test]
    public void Columns_that_earlier_downs_drop_or_recompute_are_left_to_their_guards()
    {
        using var database = NarrowingDatabase(q: Rounded, v: Rounded);

        var error = Assert.Throws<RollbackRefusedException>(() => RollBackAll(database))!;

        Assert.That(error.Refusals.Select(r => $"{r.Table}.{r.Column} {r.Rows}"), Is.EqualTo(new[] { "quotes.v 1" }));
        Assert.That(database.RecordedVersions().Max(), Is.EqualTo(20350104000000));
    }

    /// <summary>q = 1 is fine as it is, but store_q_in_thirds' Down makes it 0.333...: widen_prices' own guard refuses then.</summary>
    [Test]
    public void What_an_earlier_down_makes_of_a_column_is_still_refused_by_its_guard()
    {
        using var database = NarrowingDatabase(q: "1", v: "1");

        var error = Assert.Throws<SchemaRunnerException>(() => RollBackAll(database))!;

        Assert.That(error.Message, Does.Contain("Migration 20350102000000 widen_prices (down) failed and was rolled back: Cannot change prices.q to numeric(20,8): 1 row(s)"));
        Assert.That(database.RecordedVersions().Max(), Is.EqualTo(20350102000000));
    }

    /// <summary>Values that narrowing would round or overflow, in columns that two different migrations' Downs narrow.</summary>
    private static void SpoilNarrowings(TestDatabase database)
        => database.Execute($"""
            UPDATE agent_transactions SET output_price = {Rounded} WHERE output_symbol = 'MEME';
            UPDATE agent_positions SET purchase_price = {Rounded} WHERE id = '{NexgentSeed.MemecoinPosition}';
            UPDATE agent_positions SET peak_price = 0.123456789123;
            UPDATE agent_historical_swaps SET amount = 999999999999.999999999 WHERE token_symbol = 'RUG';
            """);

    private static TestDatabase NarrowingDatabase(string q, string v)
    {
        var database = TestDatabase.Create();
        Assert.That(Fm.Run("migrate", "-a", Narrowing, "-c", database.ConnectionString).ExitCode, Is.EqualTo(ExitCodes.Success));
        database.Execute($"INSERT INTO prices (q) VALUES ({q}); INSERT INTO quotes (v) VALUES ({v});");
        return database;
    }

    private static void RollBackAll(TestDatabase database)
    {
        using var scope = SchemaRunnerScope.Create(options =>
        {
            options.ConnectionString = database.ConnectionString;
            options.MigrationAssemblies.Add(typeof(NarrowingMigrations.WidenPrices).Assembly);
        });
        scope.Runner.MigrateDown(0);
    }
}
