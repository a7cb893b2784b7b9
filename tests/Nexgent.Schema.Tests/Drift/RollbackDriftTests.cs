using Nexgent.Schema.Cli;
using Nexgent.Schema.Tests.Cli;
using Nexgent.Schema.Tests.Infrastructure;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Drift;

/// <summary>
/// A Down that re-adds a column puts it last in its table, so a database rolled back past such a migration has another
/// column order than the migrations build going up. The journal remembers the rollback, and drift says so without
/// calling it drift; going back up leaves nothing to note.
/// </summary>
public sealed class RollbackDriftTests
{
    private const long BeforePriceSolRemoved = 20251211112932;

    [Test]
    public void A_column_order_that_a_rollback_explains_is_a_note_not_drift()
    {
        using var database = TemplateDatabases.At(Golden.Latest);
        Assert.That(Fm.Run("rollback", "to", BeforePriceSolRemoved.ToString(), "-c", database.ConnectionString).ExitCode, Is.EqualTo(ExitCodes.Success));

        var run = Fm.Run("drift", "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(2), run.ToString());
        Assert.That(lines[0], Does.StartWith("note: The columns of table trading_signals are in the order ").And.Contain(", price_sol in the database but ")
            .And.EndWith("The database was rolled back from a later version, and a Down that re-adds a column puts it last: no drift."));
        Assert.That(lines[1], Is.EqualTo($"No drift: the schema is what the migrations build at version {BeforePriceSolRemoved}."));
    }

    [Test]
    public void Going_back_up_after_rolling_everything_back_leaves_no_drift_and_nothing_to_note()
    {
        using var database = TemplateDatabases.At(Golden.Latest);
        Assert.That(Fm.Run("rollback", "all", "-c", database.ConnectionString).ExitCode, Is.EqualTo(ExitCodes.Success));
        Assert.That(Fm.Run("migrate", "-c", database.ConnectionString).ExitCode, Is.EqualTo(ExitCodes.Success));

        var run = Fm.Run("drift", "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
        Assert.That(run.Output.Trim(), Is.EqualTo($"No drift: the schema is what the migrations build at version {Golden.Latest}."));
    }

    [Test]
    public void A_rollback_leaves_the_other_kinds_of_drift_counted()
    {
        using var database = TemplateDatabases.At(Golden.Latest);
        Assert.That(Fm.Run("rollback", "to", BeforePriceSolRemoved.ToString(), "-c", database.ConnectionString).ExitCode, Is.EqualTo(ExitCodes.Success));
        database.Execute("CREATE INDEX agents_name_idx ON agents (name)");

        var run = Fm.Run("drift", "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Drift), run.ToString());
        Assert.That(run.Output, Does.Contain("index agents.agents_name_idx"));
    }
}
