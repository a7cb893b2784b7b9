using Nexgent.Schema.Runner.Safety;
using Npgsql;

namespace Nexgent.Schema.Runner.Lint;

/// <summary>
/// What lint asks a database, on one connection opened when first needed: cheap catalog reads only, each answer once.
/// Sizes come from the planner's statistics (<c>pg_class.reltuples</c>, <c>pg_stat_user_tables.n_live_tup</c>) and
/// <c>pg_total_relation_size</c>; no table is ever counted or scanned.
/// </summary>
internal sealed class LintDatabase(DatabaseConnection database) : ILintDatabase, IDisposable
{
    private readonly Dictionary<QualifiedName, TableSize> sizes = [];
    private readonly Dictionary<(QualifiedName, string), string?> types = [];
    private readonly Dictionary<QualifiedName, QualifiedName?> indexTables = [];
    private readonly Dictionary<QualifiedName, IReadOnlyDictionary<string, QualifiedName>> foreignKeys = [];
    private NpgsqlConnection? connection;

    public TableSize Size(QualifiedName table)
    {
        if (sizes.TryGetValue(table, out var known))
        {
            return known;
        }

        using var command = Command("""
            SELECT c.reltuples::bigint, s.n_live_tup, pg_total_relation_size(c.oid)
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid
             WHERE n.nspname = @schema AND c.relname = @name AND c.relkind IN ('r', 'p')
            """, ("schema", table.Schema), ("name", table.Name));
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return sizes[table] = new TableSize(Exists: false, Rows: null, Bytes: 0);
        }

        // reltuples is -1 for a table never vacuumed or analyzed (PostgreSQL 14+; 0 before): the statistics' live rows then.
        var estimate = reader.GetInt64(0);
        long? live = reader.IsDBNull(1) ? null : reader.GetInt64(1);
        long? rows = estimate > 0 ? estimate : live is > 0 ? live : estimate == 0 ? 0 : live;
        return sizes[table] = new TableSize(Exists: true, rows, reader.GetInt64(2));
    }

    public string? ColumnType(QualifiedName table, string column)
    {
        if (types.TryGetValue((table, column), out var known))
        {
            return known;
        }

        using var command = Command("""
            SELECT format_type(a.atttypid, a.atttypmod) FROM pg_attribute a
              JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = @schema AND c.relname = @name AND a.attname = @column AND a.attnum > 0 AND NOT a.attisdropped
            """, ("schema", table.Schema), ("name", table.Name), ("column", column));
        return types[(table, column)] = command.ExecuteScalar() as string;
    }

    public QualifiedName? IndexTable(QualifiedName index)
    {
        if (indexTables.TryGetValue(index, out var known))
        {
            return known;
        }

        using var command = Command("""
            SELECT tn.nspname, t.relname FROM pg_index i
              JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_namespace n ON n.oid = ic.relnamespace
              JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace tn ON tn.oid = t.relnamespace
             WHERE n.nspname = @schema AND ic.relname = @name
            """, ("schema", index.Schema), ("name", index.Name));
        using var reader = command.ExecuteReader();
        return indexTables[index] = reader.Read() ? new QualifiedName(reader.GetString(0), reader.GetString(1)) : null;
    }

    public IReadOnlyDictionary<string, QualifiedName> ForeignKeys(QualifiedName table)
    {
        if (foreignKeys.TryGetValue(table, out var known))
        {
            return known;
        }

        using var command = Command("""
            SELECT k.conname, rn.nspname, r.relname FROM pg_constraint k
              JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
              JOIN pg_class r ON r.oid = k.confrelid JOIN pg_namespace rn ON rn.oid = r.relnamespace
             WHERE k.contype = 'f' AND n.nspname = @schema AND c.relname = @name
            """, ("schema", table.Schema), ("name", table.Name));
        using var reader = command.ExecuteReader();
        var keys = new Dictionary<string, QualifiedName>();
        while (reader.Read())
        {
            keys[reader.GetString(0)] = new QualifiedName(reader.GetString(1), reader.GetString(2));
        }

        return foreignKeys[table] = keys;
    }

    public void Dispose() => connection?.Dispose();

    private NpgsqlCommand Command(string sql, params (string Name, object Value)[] parameters)
    {
        if (connection is null)
        {
            connection = new NpgsqlConnection(database.ConnectionString);
            connection.Open();
        }

        var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }
}
