using Npgsql;

namespace Nexgent.Schema.Runner.Rehearsal;

/// <summary>A relation of the database as a lock report names it: itself, and the table it belongs to.</summary>
internal sealed record RelationName(uint Oid, string Name, string Table)
{
    /// <summary>Whether it is the runner's own bookkeeping in the migrated schema (the version table, the journal), not the application's.</summary>
    public bool IsBookkeeping => BookkeepingTables.Contains(Table);
}

/// <summary>A table lock one session holds: on which relation, in which mode.</summary>
internal sealed record HeldLock(uint Oid, LockMode Mode);

/// <summary>
/// Reads the relations of the database (those of PostgreSQL's own catalog aside) and the table locks a session holds,
/// each named as a report shows it: without its schema when it is the migrated one.
/// </summary>
internal static class RelationLocks
{
    private const string NameColumns = "n.nspname, c.relname, tn.nspname, t.relname";

    /// <summary>The table of an index, for the relation <c>c</c>.</summary>
    private const string IndexTable = "LEFT JOIN pg_index i ON i.indexrelid = c.oid LEFT JOIN pg_class t ON t.oid = i.indrelid LEFT JOIN pg_namespace tn ON tn.oid = t.relnamespace";

    private const string Ours = "n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'";

    /// <summary>Every relation of the database that is not PostgreSQL's own, by oid.</summary>
    public static Dictionary<uint, RelationName> Relations(NpgsqlConnection connection, string schema)
    {
        using var command = new NpgsqlCommand($"SELECT c.oid, {NameColumns} FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace {IndexTable} WHERE {Ours}", connection);
        using var reader = command.ExecuteReader();
        var relations = new Dictionary<uint, RelationName>();
        while (reader.Read())
        {
            var oid = reader.GetFieldValue<uint>(0);
            relations[oid] = Named(reader, 1, oid, schema);
        }

        return relations;
    }

    /// <summary>
    /// The table locks session <paramref name="pid"/> holds, asked on <paramref name="connection"/> (the session itself,
    /// in its <paramref name="transaction"/>, or another one), with the names of the relations that connection sees.
    /// </summary>
    public static List<(HeldLock Lock, RelationName? Name)> Held(NpgsqlConnection connection, NpgsqlTransaction? transaction, int pid, string schema)
    {
        using var command = new NpgsqlCommand($"""
            SELECT l.relation, l.mode, {NameColumns}
              FROM pg_locks l LEFT JOIN pg_class c ON c.oid = l.relation LEFT JOIN pg_namespace n ON n.oid = c.relnamespace {IndexTable}
             WHERE l.pid = @pid AND l.locktype = 'relation' AND l.granted
               AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
               AND (n.nspname IS NULL OR ({Ours}))
            """, connection, transaction);
        command.Parameters.AddWithValue("pid", pid);
        using var reader = command.ExecuteReader();
        var held = new List<(HeldLock, RelationName?)>();
        while (reader.Read())
        {
            var oid = reader.GetFieldValue<uint>(0);
            if (LockModes.FromPgLocks(reader.GetString(1)) is not { } mode)
            {
                continue;
            }

            held.Add((new HeldLock(oid, mode), reader.IsDBNull(2) ? null : Named(reader, 2, oid, schema)));
        }

        return held;
    }

    private static RelationName Named(NpgsqlDataReader reader, int at, uint oid, string schema)
    {
        var name = Shown(reader.GetString(at), reader.GetString(at + 1), schema);
        var table = reader.IsDBNull(at + 3) ? name : Shown(reader.GetString(at + 2), reader.GetString(at + 3), schema);
        return new RelationName(oid, name, table);
    }

    private static string Shown(string relationSchema, string name, string schema) => relationSchema == schema ? name : $"{relationSchema}.{name}";
}
