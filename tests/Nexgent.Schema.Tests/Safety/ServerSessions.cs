using Nexgent.Schema.Runner;
using Npgsql;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Safety;

/// <summary>
/// What the tests that cut a runner off need to find on the server: the session holding its migration lock, a
/// session of it waiting for a lock, and a way to hold a table so that a migration waits as long as the test wants.
/// The test's own sessions are opened before any setting of the database changes, so that only the runner's obey it.
/// </summary>
internal static class ServerSessions
{
    /// <summary>The process id of the session holding the migration lock of <paramref name="schema"/>, once a runner took it.</summary>
    public static int LockHolder(NpgsqlConnection observer, string schema = "public")
    {
        var key = MigrationLock.KeyFor(schema);
        return Poll(observer, $"""
            SELECT pid FROM pg_locks
            WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND classid::bigint = {(uint)(key >> 32)} AND objid::bigint = {(uint)key} AND objsubid = 1
            """, "No runner took the migration lock.");
    }

    /// <summary>The process id of a runner session waiting for a lock (a table's, in the tests).</summary>
    public static int WaitingForALock(NpgsqlConnection observer)
        => Poll(observer, """
            SELECT pid FROM pg_stat_activity
            WHERE datname = current_database() AND application_name = 'dotnet-fm' AND wait_event_type = 'Lock'
            """, "No runner session waited for a lock.");

    /// <summary>
    /// The process id of a runner session other than <paramref name="except"/> that reached a migration another runner is
    /// running: it waits for a lock that runner holds, or, in a transaction, tries the runners' step lock again and again.
    /// </summary>
    public static int WaitingForAnotherRunner(NpgsqlConnection observer, int except)
        => Poll(observer, $"""
            SELECT pid FROM pg_stat_activity
            WHERE datname = current_database() AND application_name = 'dotnet-fm' AND pid <> {except}
              AND (wait_event_type = 'Lock' OR state = 'idle in transaction')
            """, "No other runner session reached the migration.");

    /// <summary>Ends a session as an administrator would (pg_terminate_backend), and waits until it is gone.</summary>
    public static void Terminate(NpgsqlConnection observer, int pid)
    {
        Scalar(observer, $"SELECT pg_terminate_backend({pid})");
        Assert.That(() => (long)Scalar(observer, $"SELECT count(*) FROM pg_stat_activity WHERE pid = {pid}")!, Is.Zero.After(10000, 20));
    }

    /// <summary>
    /// Takes a table lock (<c>LOCK TABLE ledger IN ACCESS SHARE MODE</c>) in a transaction of <paramref name="holder"/>
    /// and returns the transaction: a migration that needs a conflicting lock waits until it ends.
    /// </summary>
    public static NpgsqlTransaction Hold(NpgsqlConnection holder, string lockTable)
    {
        var transaction = holder.BeginTransaction();
        using var take = new NpgsqlCommand(lockTable, holder, transaction);
        take.ExecuteNonQuery();
        return transaction;
    }

    public static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    /// <summary>Every version the database records has its journal row, applied, with the checksum of its SQL.</summary>
    public static void AssertEveryVersionJournaled(TestDatabase database)
    {
        Assert.That(database.Rows("""
            SELECT v."Version" FROM "VersionInfo" v LEFT JOIN "VersionJournal" j USING ("Version")
            WHERE j."State" IS DISTINCT FROM 'applied' OR length(j."Checksum") IS DISTINCT FROM 64
            """).Select(r => (long)r[0]!), Is.Empty, "versions without an applied journal row and its checksum");
    }

    public static object? Scalar(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        return command.ExecuteScalar();
    }

    private static int Poll(NpgsqlConnection observer, string sql, string failure)
    {
        for (var attempt = 0; attempt < 1200; attempt++)
        {
            if (Scalar(observer, sql + " LIMIT 1") is int pid)
            {
                return pid;
            }

            Thread.Sleep(50);
        }

        Assert.Fail(failure);
        return 0;
    }
}
