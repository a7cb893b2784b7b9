using Npgsql;

namespace Nexgent.Schema.Runner;

/// <summary>
/// Tells a direct connection (or a session-mode pool) from a pooler that serves each transaction from whichever server
/// session is free (PgBouncer's transaction and statement modes). On a direct connection two open connections always
/// have two server sessions; such a pooler gives the second the session the first has just released (it reuses the most
/// recent one), so both report the same backend. It cannot be seen when the pooler picks another free session, which
/// is why it is "when possible".
/// </summary>
internal static class TransactionPooler
{
    /// <summary>Throws <see cref="TransactionPoolerException"/> when <paramref name="session"/> shares its server session.</summary>
    public static void Refuse(NpgsqlConnection session, DatabaseConnection database)
    {
        var first = BackendOf(session);
        using var other = new NpgsqlConnection(database.ConnectionString);
        other.Open();
        if (BackendOf(other) == first || BackendOf(session) != first)
        {
            throw new TransactionPoolerException(database.Describe());
        }
    }

    private static int BackendOf(NpgsqlConnection connection)
    {
        using var command = new NpgsqlCommand("SELECT pg_backend_pid()", connection);
        return (int)command.ExecuteScalar()!;
    }
}
