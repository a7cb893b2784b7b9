using Nexgent.Schema.Cli;
using Nexgent.Schema.Tests.Cli;
using Nexgent.Schema.Tests.Infrastructure;
using Nexgent.Schema.Tests.OnlineMigrations;
using NUnit.Framework;
using static Nexgent.Schema.Tests.Online.OnlineDatabase;

namespace Nexgent.Schema.Tests.Scripting;

/// <summary>
/// The online migrations (some declared <c>TransactionBehavior.None</c>) scripted and applied with psql: recorded as the
/// runner records them, and, when one fails midway, the database left dirty as the runner leaves it, which
/// <c>dotnet fm status</c> shows and <c>dotnet fm resolve</c> repairs.
/// </summary>
public sealed class ScriptOnlineTests
{
    private const int PsqlScriptError = 3;

    [Test]
    public void Migrations_outside_a_transaction_are_recorded_as_the_runner_records_them_and_the_runners_lock_timeout_comes_back_after_them()
    {
        using var scripted = TestDatabase.Create();
        using var migrated = TestDatabase.Create();

        // The concurrent index builds lift lock_timeout and RESET it: the session's default must be the runner's.
        var run = Scripts.Apply(scripted, Scripts.Write(assembly: typeof(CreateTrades).Assembly), "SHOW lock_timeout");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Output.TrimEnd().Split('\n')[^2].Trim(), Is.EqualTo("5s"), run.Output);
        var migrate = Fm.Run("migrate", "-a", Assembly, "-c", migrated.ConnectionString);
        Assert.That(migrate.ExitCode, Is.EqualTo(ExitCodes.Success), migrate.ToString());
        Assert.That(scripted.Catalog(), Is.EqualTo(migrated.Catalog()));
        Assert.That(Indexes(scripted), Is.EquivalentTo(new Dictionary<string, bool> { ["trades_pkey"] = true, ["trades_accountId_idx"] = true, ["trades_ref_key"] = true }));
        Assert.That(Scripts.VersionRows(scripted), Is.EqualTo(Scripts.VersionRows(migrated)));
        Assert.That(Scripts.JournalRows(scripted), Is.EqualTo(Scripts.JournalRows(migrated)).And.All.Contains(" applied "));
    }

    [Test]
    public void A_migration_outside_a_transaction_that_fails_leaves_the_database_dirty_as_the_runner_does_until_it_is_resolved()
    {
        using var database = At(Created);
        database.Execute("""INSERT INTO trades (id, "accountId", ref, amount) VALUES (1001, 1, 'T-7', 3), (1002, 2, 'T-8', 3)""");
        var script = Scripts.Write(from: Created, to: Indexed, assembly: typeof(CreateTrades).Assembly);

        var failed = Scripts.Apply(database, script);

        Assert.That(failed.ExitCode, Is.EqualTo(PsqlScriptError), failed.ToString());
        Assert.That(failed.Error, Does.Contain("ERROR:  could not create unique index \"trades_ref_key\""));
        Assert.That(Scripts.JournalRows(database).Last(), Is.EqualTo($"{Indexed} running (no checksum) (no error)"));
        Assert.That(database.RecordedVersions(), Is.EqualTo(new[] { Created }));
        Assert.That(Indexes(database), Is.EquivalentTo(new Dictionary<string, bool> { ["trades_pkey"] = true, ["trades_accountId_idx"] = true, ["trades_ref_key"] = false }));
        var status = Fm.Run("status", "-a", Assembly, "-c", database.ConnectionString);
        Assert.That(status.Output, Does.Contain($"  failed   {Indexed} index_trades_concurrently: never finished (dirty: repair, then `dotnet fm resolve`)"), status.ToString());
        Assert.That(Fm.Run("migrate", "-a", Assembly, "-c", database.ConnectionString).Error, Does.Contain("cannot run in a transaction and started and never finished"), "the runner refuses a dirty database");
        var again = Scripts.Apply(database, script);
        Assert.That(again.Error, Does.Contain($"ERROR:  Migration {Indexed} cannot run in a transaction and did not finish, so part of it may be in schema \"public\"; nothing was changed"), "so does the script");

        // The operator's repair, recorded with dotnet fm, then the same script again.
        database.Execute("DELETE FROM trades WHERE id IN (1001, 1002)");
        var resolved = Fm.Run("resolve", "--rolled-back", Indexed.ToString(), "-a", Assembly, "-c", database.ConnectionString);
        Assert.That(resolved.ExitCode, Is.EqualTo(ExitCodes.Success), resolved.ToString());
        var rerun = Scripts.Apply(database, script);

        Assert.That(rerun.ExitCode, Is.Zero, rerun.ToString());
        Assert.That(Indexes(database), Is.EquivalentTo(new Dictionary<string, bool> { ["trades_pkey"] = true, ["trades_accountId_idx"] = true, ["trades_ref_key"] = true }));
        Assert.That(database.RecordedVersions(), Is.EqualTo(new[] { Created, Indexed }));
        Assert.That(Scripts.JournalRows(database).Last(), Does.StartWith($"{Indexed} applied ").And.EndWith(" (no error)").And.Not.Contain("(no checksum)"));
        Assert.That(Fm.Run("status", "-a", Assembly, "-c", database.ConnectionString).Output, Does.Contain("0 failed"));
    }
}
