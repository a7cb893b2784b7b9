using Npgsql;

namespace Nexgent.Schema.Runner;

/// <summary>Names the sessions holding locks in the migrated schema, for the message of a migration that timed out on one.</summary>
internal static class BlockingSessions
{
    private const string Query = """
        SELECT a.pid, coalesce(a.usename, ''), coalesce(a.application_name, ''), coalesce(a.state, ''),
               coalesce(extract(epoch FROM now() - a.xact_start), 0)::int, left(regexp_replace(coalesce(a.query, ''), '\s+', ' ', 'g'), 80)
          FROM pg_stat_activity a
         WHERE a.pid <> pg_backend_pid()
           AND a.pid IN (SELECT l.pid FROM pg_locks l
                           JOIN pg_class c ON c.oid = l.relation
                           JOIN pg_namespace n ON n.oid = c.relnamespace
                          WHERE l.granted AND n.nspname = @schema)
         ORDER BY a.xact_start
         LIMIT 3
        """;

    public static string Describe(DatabaseConnection database)
    {
        try
        {
            using var connection = new NpgsqlConnection(database.ConnectionString);
            connection.Open();
            using var command = new NpgsqlCommand(Query, connection);
            command.Parameters.AddWithValue("schema", database.Schema);
            using var reader = command.ExecuteReader();
            var holders = new List<string>();
            while (reader.Read())
            {
                holders.Add($"process {reader.GetInt32(0)} (user {reader.GetString(1)}, application '{reader.GetString(2)}', {reader.GetString(3)}, transaction open {reader.GetInt32(4)} s, last query: {reader.GetString(5)})");
            }

            return holders.Count == 0
                ? "the session that held it has ended since."
                : $"it is held by {string.Join("; ", holders)}.";
        }
        catch (NpgsqlException)
        {
            return "the blocking session could not be looked up.";
        }
    }
}
