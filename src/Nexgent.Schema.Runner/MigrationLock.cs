using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Nexgent.Schema.Runner;

/// <summary>
/// A PostgreSQL advisory lock that serialises runners on one database and schema (app instances or
/// pipelines starting together). It is taken on a connection of its own before pending migrations are
/// computed and held until the run ends, so the runners that waited find nothing left to do.
/// FluentMigrator has no such lock (its issue #2220).
/// <para>
/// A session lock goes with its session, which the server may end while the run goes on (pg_terminate_backend, a
/// restart of a pooler). So each migration also takes <see cref="StepKeyFor"/> in its own session and transaction, and
/// re-reads the version table under it before anything of it runs (<see cref="SchemaRunner"/>): two runners that both
/// believe they hold the lock still never run the same migration; and a runner checks that it still holds this lock
/// (<see cref="IsHeld"/>) before each migration, and stops when it does not.
/// </para>
/// </summary>
internal sealed class MigrationLock : IDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    private readonly NpgsqlConnection connection;
    private readonly long key;

    private MigrationLock(NpgsqlConnection connection, long key)
    {
        this.connection = connection;
        this.key = key;
    }

    /// <summary>The lock key: the same for every runner on one schema, whatever its assembly.</summary>
    public static long KeyFor(string schema) => Hash("Nexgent.Schema migrations/" + schema);

    private static long Hash(string text)
    {
        // FNV-1a, 64 bits: stable across processes and .NET versions, unlike string.GetHashCode.
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return unchecked((long)hash);
    }

    /// <summary>
    /// The key each migration locks in its own transaction (pg_try_advisory_xact_lock), or for the time of a migration
    /// that cannot run in one (pg_try_advisory_lock), in the session that runs it. Another key than <see cref="KeyFor"/>, which
    /// the run's own lock session holds.
    /// </summary>
    public static long StepKeyFor(string schema) => Hash("Nexgent.Schema migration step/" + schema);

    public static MigrationLock Acquire(DatabaseConnection database, TimeSpan wait, ILogger logger, CancellationToken cancellationToken = default)
    {
        var key = KeyFor(database.Schema);
        var connection = OpenLockSession(database);
        try
        {
            TransactionPooler.Refuse(connection, database);
            var clock = Stopwatch.StartNew();
            var announced = false;
            while (!TryLock(connection, key))
            {
                if (clock.Elapsed >= wait)
                {
                    throw new MigrationLockTimeoutException(database.Describe(), wait);
                }

                if (!announced)
                {
                    logger.LogInformation("Another runner is migrating {Database}; waiting up to {Seconds:0} s for it.", database.Describe(), wait.TotalSeconds);
                    announced = true;
                }

                cancellationToken.WaitHandle.WaitOne(Poll);
                cancellationToken.ThrowIfCancellationRequested();
            }

            return new MigrationLock(connection, key);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Whether this session still holds the lock. False when the session has ended: the server closed it or someone
    /// terminated it, and the lock went with it, so another runner may hold it now.
    /// </summary>
    public bool IsHeld()
    {
        try
        {
            using var held = new NpgsqlCommand(
                "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid() AND granted AND classid = @high AND objid = @low AND objsubid = 1)",
                connection);
            held.Parameters.AddWithValue("high", NpgsqlTypes.NpgsqlDbType.Oid, (uint)(key >> 32));
            held.Parameters.AddWithValue("low", NpgsqlTypes.NpgsqlDbType.Oid, (uint)key);
            return held.ExecuteScalar() is true;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or IOException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        try
        {
            using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
            unlock.Parameters.AddWithValue("key", key);
            unlock.ExecuteScalar();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or IOException)
        {
            // The session is gone (Npgsql closes a connection the server ended), and the lock with it.
        }
        finally
        {
            connection.Dispose();
        }
    }

    /// <summary>
    /// The session that holds the lock for the whole run, idle most of that time. A server that ends idle sessions
    /// (idle_session_timeout, PostgreSQL 14 and later) would end it, and the lock with it: it is exempted.
    /// </summary>
    private static NpgsqlConnection OpenLockSession(DatabaseConnection database)
        => PooledSessions.OpenLive(database.ConnectionString, connection =>
        {
            if (connection.PostgreSqlVersion.Major >= 14)
            {
                using var exempt = new NpgsqlCommand("SET idle_session_timeout = 0", connection);
                exempt.ExecuteNonQuery();
            }
        });

    private static bool TryLock(NpgsqlConnection connection, long key)
    {
        using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
        command.Parameters.AddWithValue("key", key);
        return command.ExecuteScalar() is true;
    }
}
