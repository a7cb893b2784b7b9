using Npgsql;

namespace Nexgent.Schema.Runner.Drift;

/// <summary>
/// Everything a schema holds that migrations create, read from PostgreSQL's catalog: tables, columns with
/// type, nullability and default, constraints, indexes, enum types with their labels, sequences, functions
/// and views. The migration bookkeeping tables (<c>VersionInfo</c>, <c>VersionJournal</c>, <c>_prisma_migrations</c>), and
/// only they, are left out: a table of the application's whose name merely holds "version" is part of its schema.
/// </summary>
internal static class SchemaCatalog
{
    private const string Bookkeeping = $"('{VersionTable.DefaultTableName}', '{Journal.VersionJournal.TableName}', '{Baselining.PrismaMigrationsTable.Name}')";

    private const string Query = $"""
        WITH t AS (
          SELECT c.oid, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = @schema AND c.relkind IN ('r', 'p') AND c.relname NOT IN {Bookkeeping}
        )
        SELECT 0, relname::text, ''::text FROM t
        UNION ALL
        SELECT 1, t.relname || '.' || a.attname,
               format_type(a.atttypid, a.atttypmod)
               || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
               || COALESCE(' default ' || pg_get_expr(d.adbin, d.adrelid), '')
               || CASE WHEN a.attidentity <> '' THEN ' identity ' || a.attidentity::text ELSE '' END
          FROM t JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped
          LEFT JOIN pg_attrdef d ON d.adrelid = t.oid AND d.adnum = a.attnum
        UNION ALL
        SELECT 2, t.relname || '.' || con.conname, pg_get_constraintdef(con.oid)
          FROM t JOIN pg_constraint con ON con.conrelid = t.oid
        UNION ALL
        SELECT 3, t.relname || '.' || i.relname, pg_get_indexdef(i.oid)
          FROM t JOIN pg_index x ON x.indrelid = t.oid JOIN pg_class i ON i.oid = x.indexrelid
        UNION ALL
        SELECT 4, ty.typname, string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder)
          FROM pg_type ty JOIN pg_namespace n ON n.oid = ty.typnamespace JOIN pg_enum e ON e.enumtypid = ty.oid
         WHERE n.nspname = @schema GROUP BY ty.typname
        UNION ALL
        SELECT 5, s.relname, COALESCE('owned by ' || t2.relname || '.' || a.attname, '')
          FROM pg_class s JOIN pg_namespace n ON n.oid = s.relnamespace
          LEFT JOIN pg_depend dp ON dp.objid = s.oid AND dp.deptype = 'a' AND dp.classid = 'pg_class'::regclass
          LEFT JOIN pg_class t2 ON t2.oid = dp.refobjid
          LEFT JOIN pg_attribute a ON a.attrelid = dp.refobjid AND a.attnum = dp.refobjsubid
         WHERE n.nspname = @schema AND s.relkind = 'S' AND s.relname NOT IN {Bookkeeping}
        UNION ALL
        SELECT 6, p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')', ''
          FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = @schema
        UNION ALL
        SELECT 7, c.relname, '' FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = @schema AND c.relkind IN ('v', 'm')
        """;

    public static IReadOnlyList<CatalogFact> Read(DatabaseConnection database)
    {
        using var connection = new NpgsqlConnection(database.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(Query, connection);
        command.Parameters.AddWithValue("schema", database.Schema);
        using var reader = command.ExecuteReader();
        var facts = new List<CatalogFact>();
        while (reader.Read())
        {
            facts.Add(new CatalogFact((FactKind)reader.GetInt32(0), reader.GetString(1), reader.GetString(2)));
        }

        return facts.OrderBy(f => f.Kind).ThenBy(f => f.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>Whether the schema holds any table of its own (bookkeeping tables aside).</summary>
    public static bool HasTables(DatabaseConnection database)
        => Read(database).Any(f => f.Kind is FactKind.Table or FactKind.EnumType);
}
