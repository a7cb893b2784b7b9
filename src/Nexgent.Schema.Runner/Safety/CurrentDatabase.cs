using Npgsql;

namespace Nexgent.Schema.Runner.Safety;

/// <summary>
/// What the database holds now, asked as the analysis needs it, each answer once: whether a table has rows and how
/// many (counted up to <see cref="CountLimit"/>, beyond that PostgreSQL's estimate), a column's type, the columns of a type.
/// </summary>
internal sealed class CurrentDatabase(DatabaseConnection database) : IDisposable
{
    /// <summary>Counting stops here: enough to say a table holds data, and cheap on any table.</summary>
    internal const int CountLimit = 10_000;

    private readonly Dictionary<QualifiedName, RowCount> rows = [];
    private readonly Dictionary<(QualifiedName, string), string?> types = [];
    private NpgsqlConnection? connection;

    /// <summary>The rows of <paramref name="table"/>; none when it does not exist.</summary>
    public RowCount Rows(QualifiedName table)
    {
        if (rows.TryGetValue(table, out var known))
        {
            return known;
        }

        using var estimate = Command("""
            SELECT c.reltuples::bigint FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = @schema AND c.relname = @name AND c.relkind IN ('r', 'p')
            """, ("schema", table.Schema), ("name", table.Name));
        if (estimate.ExecuteScalar() is not long reltuples)
        {
            return rows[table] = RowCount.None;
        }

        using var count = Command($"SELECT count(*) FROM (SELECT FROM {table.Quoted} LIMIT {CountLimit + 1}) r");
        var counted = (long)count.ExecuteScalar()!;
        return rows[table] = counted <= CountLimit ? new RowCount(counted, RowCount.Precision.Exactly)
            : reltuples > CountLimit ? new RowCount(reltuples, RowCount.Precision.About)
            : new RowCount(CountLimit, RowCount.Precision.MoreThan);
    }

    /// <summary>The type of a column as <c>format_type</c> shows it, or null when there is no such column.</summary>
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

    /// <summary>The columns of tables whose type is <paramref name="type"/> or an array of it.</summary>
    public IReadOnlyList<(QualifiedName Table, string Column)> ColumnsOfType(QualifiedName type)
    {
        using var command = Command("""
            SELECT n.nspname, c.relname, a.attname FROM pg_attribute a
              JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
              JOIN pg_type t ON a.atttypid IN (t.oid, t.typarray) JOIN pg_namespace tn ON tn.oid = t.typnamespace
             WHERE tn.nspname = @schema AND t.typname = @name AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
             ORDER BY 1, 2, a.attnum
            """, ("schema", type.Schema), ("name", type.Name));
        using var reader = command.ExecuteReader();
        var columns = new List<(QualifiedName, string)>();
        while (reader.Read())
        {
            columns.Add((new QualifiedName(reader.GetString(0), reader.GetString(1)), reader.GetString(2)));
        }

        return columns;
    }

    /// <summary>Whether <paramref name="schema"/> exists and holds a table.</summary>
    public bool HoldsTables(string schema)
    {
        using var command = Command("""
            SELECT EXISTS (SELECT FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                            WHERE n.nspname = @schema AND c.relkind IN ('r', 'p'))
            """, ("schema", schema));
        return command.ExecuteScalar() is true;
    }

    /// <summary>
    /// For each of <paramref name="conditions"/> on the rows of <paramref name="table"/>, how many rows meet it: one
    /// scan, in a read-only transaction, for conditions taken from a migration's own SQL.
    /// </summary>
    public IReadOnlyList<long> CountWhere(QualifiedName table, IReadOnlyList<string> conditions)
    {
        using var transaction = Open().BeginTransaction();
        using (var readOnly = Command("SET TRANSACTION READ ONLY"))
        {
            readOnly.ExecuteNonQuery();
        }

        using var command = Command($"SELECT {string.Join(", ", conditions.Select(c => $"count(*) FILTER (WHERE {c})"))} FROM {table.Quoted}");
        using var reader = command.ExecuteReader();
        reader.Read();
        var counts = conditions.Select((_, i) => reader.GetInt64(i)).ToList();
        reader.Close();
        transaction.Rollback();
        return counts;
    }

    public void Dispose() => connection?.Dispose();

    private NpgsqlCommand Command(string sql, params (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, Open());
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }

    private NpgsqlConnection Open()
    {
        if (connection is null)
        {
            connection = new NpgsqlConnection(database.ConnectionString);
            connection.Open();
        }

        return connection;
    }
}
