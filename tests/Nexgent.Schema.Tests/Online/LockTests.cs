using Nexgent.Schema.Postgres;
using Nexgent.Schema.Tests.Safety;
using NUnit.Framework;
using static Nexgent.Schema.Tests.Online.OnlineDatabase;

namespace Nexgent.Schema.Tests.Online;

/// <summary>
/// The table locks each statement of the constraint blocks takes, read from pg_locks: writers (ROW EXCLUSIVE) wait only
/// for SHARE and stronger, so the statements that read the table take less, and those that take more read nothing.
/// (The index and the backfill cannot run in a transaction; their tests read their locks while they run.)
/// </summary>
public sealed class LockTests
{
    [Test]
    public void A_foreign_key_added_not_valid_locks_both_tables_for_an_instant_and_its_validation_lets_writers_go_on()
    {
        using var database = At(Indexed);
        var add = SqlOf(e => e.AddForeignKeyNotValid("trades", "accountId", "accounts"));
        var validate = SqlOf(e => e.ValidateConstraint("trades", "trades_accountId_fkey"));

        Assert.That(LocksTakenBy(database, add), Is.EquivalentTo(new Dictionary<string, string> { ["trades"] = "ShareRowExclusiveLock", ["accounts"] = "ShareRowExclusiveLock" }));
        database.Execute(add[0]);
        Assert.That(LocksTakenBy(database, validate), Is.EquivalentTo(new Dictionary<string, string> { ["trades"] = "ShareUpdateExclusiveLock", ["accounts"] = "RowShareLock" }));
    }

    [Test]
    public void A_check_added_not_valid_locks_the_table_for_an_instant_and_its_validation_lets_writers_go_on()
    {
        using var database = At(Indexed);
        var add = SqlOf(e => e.AddCheckNotValid("trades", "trades_amount_positive", "amount > 0"));
        var validate = SqlOf(e => e.ValidateConstraint("trades", "trades_amount_positive"));

        Assert.That(LocksTakenBy(database, add), Is.EquivalentTo(new Dictionary<string, string> { ["trades"] = "AccessExclusiveLock" }));
        database.Execute(add[0]);
        Assert.That(LocksTakenBy(database, validate), Is.EquivalentTo(new Dictionary<string, string> { ["trades"] = "ShareUpdateExclusiveLock" }));
    }

    [Test]
    public void Set_not_null_online_scans_the_table_only_under_a_lock_that_lets_writers_go_on()
    {
        using var database = At(Backfilled);
        var locks = new List<string>();

        // Each statement on its own, committed before the next, as a migration declared TransactionBehavior.None runs
        // them (in one transaction, the first statement's ACCESS EXCLUSIVE would be held through the scan).
        foreach (var statement in SqlOf(e => e.SetNotNullOnline("trades", "fee")))
        {
            locks.Add(LocksTakenBy(database, statement)["trades"]);
            database.Execute(statement);
        }

        Assert.That(locks, Is.EqualTo(new[]
        {
            "AccessExclusiveLock", // the check added NOT VALID: nothing read
            "ShareUpdateExclusiveLock", // its validation: the one scan
            "AccessExclusiveLock", // SET NOT NULL, proved by the check: nothing read (see below)
            "AccessExclusiveLock", // the check dropped
        }));
    }

    [Test]
    public void Set_not_null_after_the_validated_check_does_not_read_the_table()
    {
        using var database = At(Backfilled);
        var statements = SqlOf(e => e.SetNotNullOnline("trades", "fee"));
        var said = new List<string>();

        using var connection = database.Open();
        connection.Notice += (_, e) => said.Add(e.Notice.MessageText);
        ServerSessions.Execute(connection, "SET client_min_messages = debug1");
        foreach (var statement in statements)
        {
            ServerSessions.Execute(connection, statement);
        }

        Assert.That(said, Has.Member("existing constraints on column \"trades.fee\" are sufficient to prove that it does not contain nulls"));
        Assert.That(said.Count(s => s == "verifying table \"trades\""), Is.EqualTo(1), "one scan, the validation's");
        Assert.That(IsNotNull(database, "fee"), Is.True);
    }
}
