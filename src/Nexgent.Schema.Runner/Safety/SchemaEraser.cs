using Npgsql;

namespace Nexgent.Schema.Runner.Safety;

/// <summary>
/// Drops every object of one schema (views, tables, sequences, functions, types), keeping the schema itself
/// with its owner and grants, and leaving objects that belong to extensions alone.
/// </summary>
internal static class SchemaEraser
{
    // Each object: its kind, its name, and for a routine its arguments as PostgreSQL writes them.
    private const string ObjectsQuery = """
        SELECT 'VIEW', c.relname::text, NULL FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = @schema AND c.relkind = 'v' AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e')
        UNION ALL
        SELECT 'MATERIALIZED VIEW', c.relname::text, NULL FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = @schema AND c.relkind = 'm' AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e')
        UNION ALL
        SELECT 'TABLE', c.relname::text, NULL FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = @schema AND c.relkind IN ('r', 'p', 'f') AND NOT c.relispartition
           AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e')
        UNION ALL
        SELECT 'SEQUENCE', c.relname::text, NULL FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = @schema AND c.relkind = 'S' AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e')
        UNION ALL
        SELECT CASE p.prokind WHEN 'p' THEN 'PROCEDURE' WHEN 'a' THEN 'AGGREGATE' ELSE 'FUNCTION' END,
               p.proname::text, pg_get_function_identity_arguments(p.oid)
          FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
         WHERE n.nspname = @schema AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
        UNION ALL
        SELECT CASE t.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END, t.typname::text, NULL
          FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
         WHERE n.nspname = @schema AND (t.typtype IN ('e', 'd', 'r') OR (t.typtype = 'c' AND (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c'))
           AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = t.oid AND d.deptype = 'e')
        """;

    /// <summary>Drops everything in one transaction and returns how many objects went.</summary>
    public static int Erase(DatabaseConnection database)
    {
        using var connection = new NpgsqlConnection(database.ConnectionString);
        connection.Open();
        var objects = new List<(string Kind, string Name)>();
        using (var query = new NpgsqlCommand(ObjectsQuery, connection))
        {
            query.Parameters.AddWithValue("schema", database.Schema);
            using var reader = query.ExecuteReader();
            while (reader.Read())
            {
                var name = Identifier.Qualified(database.Schema, reader.GetString(1));
                objects.Add((reader.GetString(0), reader.IsDBNull(2) ? name : $"{name}({reader.GetString(2)})"));
            }
        }

        using var transaction = connection.BeginTransaction();
        foreach (var (kind, name) in objects)
        {
            // IF EXISTS: an earlier CASCADE may have taken it already (a sequence owned by a table, say).
            using var drop = new NpgsqlCommand($"DROP {kind} IF EXISTS {name} CASCADE", connection, transaction);
            drop.ExecuteNonQuery();
        }

        transaction.Commit();
        return objects.Count;
    }
}
