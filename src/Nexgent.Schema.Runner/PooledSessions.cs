using System.Data;
using Npgsql;

namespace Nexgent.Schema.Runner;

/// <summary>
/// The short sessions the runner takes from its pool to read or record something. A session that sat idle in the pool
/// may have been ended by the server meanwhile (idle_session_timeout, pg_terminate_backend), and the pool hands it out
/// all the same: the first command on it fails. The work, which reads or records idempotently, then runs once more on a
/// new session.
/// </summary>
internal static class PooledSessions
{
    public static T Run<T>(DatabaseConnection database, Func<NpgsqlConnection, T> work)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var connection = new NpgsqlConnection(database.ConnectionString);
            connection.Open();
            try
            {
                return work(connection);
            }
            catch (Exception e) when (attempt == 1 && IsLost(connection, e))
            {
                // Every idle session of the pool was likely ended together: the next one is a new session.
                NpgsqlConnection.ClearPool(connection);
            }
        }
    }

    public static void Run(DatabaseConnection database, Action<NpgsqlConnection> work)
        => Run(database, connection =>
        {
            work(connection);
            return 0;
        });

    /// <summary>
    /// A session from the pool, with <paramref name="first"/> run on it before it is handed out; one the server ended
    /// while it idled in the pool is replaced, once, by a new one.
    /// </summary>
    public static NpgsqlConnection OpenLive(string connectionString, Action<NpgsqlConnection> first)
    {
        for (var attempt = 1; ; attempt++)
        {
            var connection = new NpgsqlConnection(connectionString);
            try
            {
                connection.Open();
            }
            catch
            {
                connection.Dispose();
                throw;
            }

            try
            {
                first(connection);
                return connection;
            }
            catch (Exception e) when (attempt == 1 && IsLost(connection, e))
            {
                NpgsqlConnection.ClearPool(connection);
                connection.Dispose();
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }
    }

    /// <summary>Whether the server closed the session (or the network cut it): nothing more can run on it.</summary>
    public static bool IsLost(NpgsqlConnection connection)
        => connection.FullState.HasFlag(ConnectionState.Broken) || connection.State == ConnectionState.Closed;

    /// <summary>Whether <paramref name="failure"/> says the session ended: the server ended it (SQLSTATE 57P01, 57P02, 57P05), or it broke.</summary>
    public static bool IsLost(NpgsqlConnection connection, Exception failure)
    {
        if (IsLost(connection))
        {
            return true;
        }

        for (var e = failure; e is not null; e = e.InnerException)
        {
            if (e is PostgresException { SqlState: "57P01" or "57P02" or "57P05" })
            {
                return true;
            }
        }

        return false;
    }
}
