using Npgsql;

namespace Nexgent.Schema.Runner.Generation;

/// <summary>
/// Reads a <see cref="SchemaModel"/> from PostgreSQL's catalog: one schema, its objects in the order they were made
/// (by oid), the bookkeeping tables and what extensions own left out, as drift leaves them out. Expressions are printed
/// with the connection's search path, the schema, so that names in it come unqualified, as a migration writes them.
/// </summary>
internal static class SchemaReader
{
    private static readonly string Bookkeeping = BookkeepingTables.SqlList();

    private static string OfNoExtension(string catalog, string oid)
        => $"NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = '{catalog}'::regclass AND e.objid = {oid} AND e.deptype = 'e')";

    private static readonly string TablesQuery = $"""
        SELECT c.oid, c.relname::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = @schema AND c.relkind IN ('r', 'p') AND c.relname NOT IN {Bookkeeping} AND {OfNoExtension("pg_class", "c.oid")}
         ORDER BY c.oid
        """;

    private const string ColumnsQuery = """
        SELECT a.attrelid, a.attname::text, format_type(a.atttypid, a.atttypmod), a.attnotnull, pg_get_expr(d.adbin, d.adrelid),
               a.attidentity::text, a.attgenerated::text,
               (SELECT s.relname::text FROM pg_depend dp JOIN pg_class s ON s.oid = dp.objid AND s.relkind = 'S'
                 WHERE dp.classid = 'pg_class'::regclass AND dp.refobjid = a.attrelid AND dp.refobjsubid = a.attnum AND dp.deptype = 'a' LIMIT 1)
          FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
         WHERE a.attrelid = ANY(@tables) AND a.attnum > 0 AND NOT a.attisdropped
         ORDER BY a.attrelid, a.attnum
        """;

    private const string ConstraintsQuery = """
        SELECT con.conrelid, con.conname::text, con.contype::text, pg_get_constraintdef(con.oid),
               ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.o),
               cf.relname::text, cfn.nspname::text,
               ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY k.o),
               con.confdeltype::text, con.confupdtype::text, con.condeferrable, con.confmatchtype::text
          FROM pg_constraint con LEFT JOIN pg_class cf ON cf.oid = con.confrelid LEFT JOIN pg_namespace cfn ON cfn.oid = cf.relnamespace
         WHERE con.conrelid = ANY(@tables) AND con.contype IN ('p', 'u', 'f', 'c', 'x')
         ORDER BY con.conrelid, con.oid
        """;

    private const string IndexesQuery = """
        SELECT x.indrelid, i.relname::text, x.indisunique,
               ARRAY(SELECT a.attname::text FROM unnest(x.indkey::int2[]) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.n ORDER BY k.o),
               replace(pg_get_indexdef(x.indexrelid), ' ON ' || quote_ident(n.nspname) || '.', ' ON '),
               pg_get_indexdef(x.indexrelid) = format('CREATE %sINDEX %s ON %s.%s USING btree (%s)',
                   CASE WHEN x.indisunique THEN 'UNIQUE ' ELSE '' END, quote_ident(i.relname), quote_ident(n.nspname), quote_ident(t.relname),
                   (SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY k.o) FROM unnest(x.indkey::int2[]) WITH ORDINALITY k(n, o)
                      JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.n))
               AND x.indnkeyatts = x.indnatts AND 0 <> ALL (x.indkey::int2[])
          FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
         WHERE x.indrelid = ANY(@tables)
           AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid AND c.conrelid = x.indrelid AND c.contype IN ('p', 'u', 'x'))
         ORDER BY x.indrelid, x.indexrelid
        """;

    private static readonly string EnumsQuery = $"""
        SELECT ty.typname::text, array_agg(e.enumlabel::text ORDER BY e.enumsortorder)
          FROM pg_type ty JOIN pg_namespace n ON n.oid = ty.typnamespace JOIN pg_enum e ON e.enumtypid = ty.oid
         WHERE n.nspname = @schema AND {OfNoExtension("pg_type", "ty.oid")}
         GROUP BY ty.oid, ty.typname ORDER BY ty.oid
        """;

    private static readonly string SequencesQuery = $"""
        SELECT s.relname::text, format_type(q.seqtypid, NULL), q.seqstart, q.seqincrement, q.seqmin, q.seqmax, q.seqcache, q.seqcycle,
               (SELECT t.relname || '.' || a.attname FROM pg_depend dp JOIN pg_class t ON t.oid = dp.refobjid
                  JOIN pg_attribute a ON a.attrelid = dp.refobjid AND a.attnum = dp.refobjsubid
                 WHERE dp.classid = 'pg_class'::regclass AND dp.objid = s.oid AND dp.deptype = 'a' LIMIT 1)
          FROM pg_class s JOIN pg_sequence q ON q.seqrelid = s.oid JOIN pg_namespace n ON n.oid = s.relnamespace
         WHERE n.nspname = @schema AND s.relkind = 'S' AND s.relname NOT IN {Bookkeeping} AND {OfNoExtension("pg_class", "s.oid")}
           AND NOT EXISTS (SELECT 1 FROM pg_depend dp WHERE dp.classid = 'pg_class'::regclass AND dp.objid = s.oid AND dp.deptype = 'i')
         ORDER BY s.oid
        """;

    /// <summary>Kind, name, the statement that makes it, the one that drops it, its rank, in the order they were made.</summary>
    private static readonly string RawQuery = $$"""
        SELECT 'extension', x.extname::text,
               'CREATE EXTENSION IF NOT EXISTS ' || quote_ident(x.extname) || CASE WHEN n.nspname = @schema THEN '' ELSE ' WITH SCHEMA ' || quote_ident(n.nspname) END || ';',
               'DROP EXTENSION ' || quote_ident(x.extname) || ';', -1, x.oid::bigint
          FROM pg_extension x JOIN pg_namespace n ON n.oid = x.extnamespace WHERE x.extname <> 'plpgsql'
        UNION ALL
        SELECT 'domain', ty.typname::text,
               'CREATE DOMAIN ' || quote_ident(ty.typname) || ' AS ' || format_type(ty.typbasetype, ty.typtypmod)
               || CASE WHEN ty.typnotnull THEN ' NOT NULL' ELSE '' END || COALESCE(' DEFAULT ' || ty.typdefault, '')
               || COALESCE((SELECT string_agg(' CONSTRAINT ' || quote_ident(dc.conname) || ' ' || pg_get_constraintdef(dc.oid), '' ORDER BY dc.oid)
                              FROM pg_constraint dc WHERE dc.contypid = ty.oid AND dc.contype = 'c'), '') || ';',
               'DROP DOMAIN ' || quote_ident(ty.typname) || ';', 0, ty.oid::bigint
          FROM pg_type ty JOIN pg_namespace n ON n.oid = ty.typnamespace
         WHERE n.nspname = @schema AND ty.typtype = 'd' AND {{OfNoExtension("pg_type", "ty.oid")}}
        UNION ALL
        SELECT 'function', p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')',
               regexp_replace(pg_get_functiondef(p.oid), '^(CREATE OR REPLACE (FUNCTION|PROCEDURE) )' || quote_ident(n.nspname) || '\.', '\1') || ';',
               'DROP ' || CASE WHEN p.prokind = 'p' THEN 'PROCEDURE ' ELSE 'FUNCTION ' END || quote_ident(p.proname) || '(' || pg_get_function_identity_arguments(p.oid) || ');',
               1, p.oid::bigint
          FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
         WHERE n.nspname = @schema AND p.prokind IN ('f', 'p') AND {{OfNoExtension("pg_proc", "p.oid")}}
        UNION ALL
        SELECT CASE WHEN c.relkind = 'm' THEN 'materialized view' ELSE 'view' END, c.relname::text,
               'CREATE ' || CASE WHEN c.relkind = 'm' THEN 'MATERIALIZED ' ELSE '' END || 'VIEW ' || quote_ident(c.relname)
               || COALESCE(' WITH (' || array_to_string(c.reloptions, ', ') || ')', '') || E' AS\n' || pg_get_viewdef(c.oid),
               'DROP ' || CASE WHEN c.relkind = 'm' THEN 'MATERIALIZED ' ELSE '' END || 'VIEW ' || quote_ident(c.relname) || ';', 2, c.oid::bigint
          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = @schema AND c.relkind IN ('v', 'm') AND {{OfNoExtension("pg_class", "c.oid")}}
        UNION ALL
        SELECT 'trigger', c.relname || '.' || tg.tgname,
               replace(pg_get_triggerdef(tg.oid), ' ON ' || quote_ident(n.nspname) || '.', ' ON ') || ';'
               || CASE tg.tgenabled WHEN 'D' THEN E'\nALTER TABLE ' || quote_ident(c.relname) || ' DISABLE TRIGGER ' || quote_ident(tg.tgname) || ';'
                                    WHEN 'R' THEN E'\nALTER TABLE ' || quote_ident(c.relname) || ' ENABLE REPLICA TRIGGER ' || quote_ident(tg.tgname) || ';'
                                    WHEN 'A' THEN E'\nALTER TABLE ' || quote_ident(c.relname) || ' ENABLE ALWAYS TRIGGER ' || quote_ident(tg.tgname) || ';'
                                    ELSE '' END,
               'DROP TRIGGER ' || quote_ident(tg.tgname) || ' ON ' || quote_ident(c.relname) || ';', 3, tg.oid::bigint
          FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = @schema AND NOT tg.tgisinternal
        UNION ALL
        SELECT 'row-level security', c.relname::text,
               'ALTER TABLE ' || quote_ident(c.relname) || CASE WHEN c.relrowsecurity THEN ' ENABLE ROW LEVEL SECURITY' ELSE ' DISABLE ROW LEVEL SECURITY' END
               || CASE WHEN c.relforcerowsecurity THEN ', FORCE ROW LEVEL SECURITY' ELSE '' END || ';',
               'ALTER TABLE ' || quote_ident(c.relname) || ' DISABLE ROW LEVEL SECURITY, NO FORCE ROW LEVEL SECURITY;', 3, c.oid::bigint
          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = @schema AND c.relkind IN ('r', 'p') AND (c.relrowsecurity OR c.relforcerowsecurity)
        UNION ALL
        SELECT 'policy', c.relname || '.' || pol.polname,
               'CREATE POLICY ' || quote_ident(pol.polname) || ' ON ' || quote_ident(c.relname)
               || ' AS ' || CASE WHEN pol.polpermissive THEN 'PERMISSIVE' ELSE 'RESTRICTIVE' END
               || ' FOR ' || CASE pol.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' WHEN 'w' THEN 'UPDATE' WHEN 'd' THEN 'DELETE' ELSE 'ALL' END
               || ' TO ' || (SELECT string_agg(CASE WHEN u = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(u)) END, ', ') FROM unnest(pol.polroles) AS u)
               || COALESCE(' USING (' || pg_get_expr(pol.polqual, pol.polrelid) || ')', '')
               || COALESCE(' WITH CHECK (' || pg_get_expr(pol.polwithcheck, pol.polrelid) || ')', '') || ';',
               'DROP POLICY ' || quote_ident(pol.polname) || ' ON ' || quote_ident(c.relname) || ';', 4, pol.oid::bigint
          FROM pg_policy pol JOIN pg_class c ON c.oid = pol.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = @schema
        UNION ALL
        SELECT 'rule', c.relname || '.' || rw.rulename,
               replace(pg_get_ruledef(rw.oid), ' TO ' || quote_ident(n.nspname) || '.', ' TO '),
               'DROP RULE ' || quote_ident(rw.rulename) || ' ON ' || quote_ident(c.relname) || ';', 4, rw.oid::bigint
          FROM pg_rewrite rw JOIN pg_class c ON c.oid = rw.ev_class JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = @schema AND c.relkind IN ('r', 'p', 'v', 'm') AND rw.rulename <> '_RETURN'
        ORDER BY 6
        """;

    public static SchemaModel Read(DatabaseConnection database)
    {
        using var connection = new NpgsqlConnection(database.ConnectionString);
        connection.Open();
        return Read(connection, database.Schema);
    }

    /// <summary>Reads on an open session (one inside a transaction sees what the transaction did).</summary>
    public static SchemaModel Read(NpgsqlConnection connection, string schema)
    {
        var tables = Rows(connection, TablesQuery, schema, null, r => (Oid: r.GetFieldValue<uint>(0), Name: r.GetString(1)));
        var oids = tables.Select(t => t.Oid).ToArray();
        var names = tables.ToDictionary(t => t.Oid, t => t.Name);
        var columns = Rows(connection, ColumnsQuery, schema, oids, r => (Table: r.GetFieldValue<uint>(0), Column: Column(names[r.GetFieldValue<uint>(0)], r)));
        var constraints = Rows(connection, ConstraintsQuery, schema, oids, r => (Table: r.GetFieldValue<uint>(0), Row: ConstraintRow.Read(r)));
        var indexes = Rows(connection, IndexesQuery, schema, oids, r => (Table: r.GetFieldValue<uint>(0), Index: new IndexModel(
            r.GetString(1), r.GetBoolean(2), r.GetFieldValue<string[]>(3), r.GetBoolean(5), r.GetString(4))));
        var enums = Rows(connection, EnumsQuery, schema, null, r => new EnumModel(r.GetString(0), r.GetFieldValue<string[]>(1)));
        var sequences = Rows(connection, SequencesQuery, schema, null, r => new SequenceModel(
            r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6), r.GetBoolean(7), r.IsDBNull(8) ? null : r.GetString(8)));
        var raw = Rows(connection, RawQuery, schema, null, r => new RawObject(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt32(4)));

        var models = tables.Select(t => new TableModel(
            t.Name,
            columns.Where(c => c.Table == t.Oid).Select(c => c.Column).ToList(),
            constraints.Where(c => c.Table == t.Oid && c.Row.Kind == 'p').Select(c => new KeyModel(c.Row.Name, c.Row.Columns)).FirstOrDefault(),
            indexes.Where(i => i.Table == t.Oid).Select(i => i.Index).ToList(),
            constraints.Where(c => c.Table == t.Oid && c.Row.Kind == 'f').Select(c => c.Row.ForeignKey(schema)).ToList(),
            constraints.Where(c => c.Table == t.Oid && c.Row.Kind is 'u' or 'c' or 'x').Select(c => new ConstraintModel(c.Row.Name, c.Row.Kind, c.Row.Columns, c.Row.Definition)).ToList()))
            .ToList();
        var serialSequences = models.SelectMany(t => t.Columns.Where(c => c.Serial).Select(c => SerialSequence(t.Name, c.Name))).ToHashSet();
        return new SchemaModel(models, enums, sequences.Where(s => !serialSequences.Contains(s.Name)).ToList(), raw);
    }

    /// <summary>The sequence <c>SERIAL</c> makes for a column, and owns by it.</summary>
    public static string SerialSequence(string table, string column) => Identifier.Truncated($"{table}_{column}_seq", Identifier.MaxBytes);

    private static ColumnModel Column(string table, NpgsqlDataReader r)
    {
        var type = r.GetString(2);
        var expression = r.IsDBNull(4) ? null : r.GetString(4);
        var generated = r.GetString(6) == "s" ? expression : null;
        var ownedSequence = r.IsDBNull(7) ? null : r.GetString(7);
        var serial = ownedSequence is not null && ownedSequence == SerialSequence(table, r.GetString(1)) && type is "integer" or "bigint" or "smallint"
                     && expression == $"nextval('{QuotedForRegclass(ownedSequence)}'::regclass)";
        return new ColumnModel(r.GetString(1), type, r.GetBoolean(3), generated is null && !serial ? expression : null, serial, r.GetString(5), generated);
    }

    /// <summary>How a regclass prints a sequence's name: quoted when it has to be.</summary>
    private static string QuotedForRegclass(string name)
        => System.Text.RegularExpressions.Regex.IsMatch(name, "^[a-z_][a-z0-9_$]*$") ? name : Identifier.Quote(name).Replace("'", "''", StringComparison.Ordinal);

    private static List<T> Rows<T>(NpgsqlConnection connection, string sql, string schema, uint[]? tables, Func<NpgsqlDataReader, T> read)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("schema", schema);
        if (tables is not null)
        {
            command.Parameters.Add(new NpgsqlParameter("tables", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Oid) { Value = tables });
        }

        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private sealed record ConstraintRow(
        string Name, char Kind, string Definition, string[] Columns, string? ReferencedTable, string? ReferencedSchema, string[] ReferencedColumns,
        char OnDelete, char OnUpdate, bool Deferrable, char Match)
    {
        public static ConstraintRow Read(NpgsqlDataReader r) => new(
            r.GetString(1), r.GetString(2)[0], r.GetString(3), r.GetFieldValue<string[]>(4), r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6),
            r.GetFieldValue<string[]>(7), r.GetString(8) is { Length: > 0 } d ? d[0] : 'a', r.GetString(9) is { Length: > 0 } u ? u[0] : 'a', r.GetBoolean(10), r.GetString(11) is { Length: > 0 } m ? m[0] : 's');

        /// <summary>Plain when FluentMigrator's foreign key builder writes it as it is (it has no RESTRICT, MATCH FULL or DEFERRABLE).</summary>
        public ForeignKeyModel ForeignKey(string schema) => new(
            Name, Columns, ReferencedTable!, ReferencedColumns, OnDelete, OnUpdate,
            IsPlain: !Deferrable && Match == 's' && OnDelete != 'r' && OnUpdate != 'r' && ReferencedSchema == schema && !Definition.Contains(" SET NULL (", StringComparison.Ordinal) && !Definition.Contains(" SET DEFAULT (", StringComparison.Ordinal),
            Definition);
    }
}
