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
    public static long KeyFor(string schema)
    {
        // FNV-1a, 64 bits: stable across processes and .NET versions, unlike string.GetHashCode.
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes("Nexgent.Schema migrations/" + schema))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return unchecked((long)hash);
    }

    public static MigrationLock Acquire(DatabaseConnection database, TimeSpan wait, ILogger logger, CancellationToken cancellationToken = default)
    {
        var key = KeyFor(database.Schema);
        var connection = new NpgsqlConnection(database.ConnectionString);
        try
        {
            connection.Open();
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

    public void Dispose()
    {
        try
        {
            using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
            unlock.Parameters.AddWithValue("key", key);
            unlock.ExecuteScalar();
        }
        catch (NpgsqlException)
        {
            // The session is gone, and the lock with it.
        }
        finally
        {
            connection.Dispose();
        }
    }

    private static bool TryLock(NpgsqlConnection connection, long key)
    {
        using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
        command.Parameters.AddWithValue("key", key);
        return command.ExecuteScalar() is true;
    }
}
