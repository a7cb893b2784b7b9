using Npgsql;

namespace Nexgent.Schema.Runner.Drift;

/// <summary>
/// Everything a schema holds that migrations create, or a person can change by hand, read from PostgreSQL's catalog:
/// tables, columns with type, nullability and default, the order of each table's columns, constraints, indexes, enum
/// types with their labels, domains with their base type, default and checks, sequences, functions and views with
/// their definitions, triggers (and whether they fire), row-level security and policies, rules, and the database's
/// extensions. An object that belongs to an extension (its functions, types, operators, tables) is the extension's,
/// not the schema's: it is left out, and the extension is one fact. The migration bookkeeping tables
/// (<c>VersionInfo</c>, <c>VersionJournal</c>, <c>_prisma_migrations</c>), and only they, are left out: a table of
/// the application's whose name merely holds "version" is part of its schema.
/// </summary>
internal static class SchemaCatalog
{
    private const string Bookkeeping = $"('{VersionTable.DefaultTableName}', '{Journal.VersionJournal.TableName}', '{Baselining.PrismaMigrationsTable.Name}')";

    /// <summary>Whether an object of the catalog <paramref name="catalog"/> (its oid in <paramref name="oid"/>) belongs to an extension.</summary>
    private static string OfNoExtension(string catalog, string oid)
        => $"NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = '{catalog}'::regclass AND e.objid = {oid} AND e.deptype = 'e')";

    // One row per fact: its kind, its name, its definition, and whether it lies in the schema (only an extension may not).
    private const int TableKind = (int)FactKind.Table;
    private const int ColumnKind = (int)FactKind.Column;
    private const int ConstraintKind = (int)FactKind.Constraint;
    private const int IndexKind = (int)FactKind.Index;
    private const int EnumKind = (int)FactKind.EnumType;
    private const int SequenceKind = (int)FactKind.Sequence;
    private const int FunctionKind = (int)FactKind.Function;
    private const int ViewKind = (int)FactKind.View;
    private const int TriggerKind = (int)FactKind.Trigger;
    private const int RowSecurityKind = (int)FactKind.RowSecurity;
    private const int PolicyKind = (int)FactKind.Policy;
    private const int RuleKind = (int)FactKind.Rule;
    private const int DomainKind = (int)FactKind.Domain;
    private const int ColumnOrderKind = (int)FactKind.ColumnOrder;
    private const int ExtensionKind = (int)FactKind.Extension;

    private static readonly string Query = $$"""
        WITH r AS (
          SELECT c.oid, c.relname, c.relkind, c.relrowsecurity, c.relforcerowsecurity, c.reloptions
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = @schema AND c.relkind IN ('r', 'p', 'v', 'm') AND c.relname NOT IN {{Bookkeeping}}
             AND {{OfNoExtension("pg_class", "c.oid")}}
        ), t AS (
          SELECT * FROM r WHERE relkind IN ('r', 'p')
        )
        SELECT {{TableKind}}, relname::text, ''::text, true FROM t
        UNION ALL
        SELECT {{ColumnKind}}, t.relname || '.' || a.attname,
               format_type(a.atttypid, a.atttypmod)
               || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
               || COALESCE(' default ' || pg_get_expr(d.adbin, d.adrelid), '')
               || CASE WHEN a.attidentity <> '' THEN ' identity ' || a.attidentity::text ELSE '' END,
               true
          FROM t JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped
          LEFT JOIN pg_attrdef d ON d.adrelid = t.oid AND d.adnum = a.attnum
        UNION ALL
        SELECT {{ColumnOrderKind}}, t.relname::text, string_agg(a.attname::text, ', ' ORDER BY a.attnum), true
          FROM t JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped
         GROUP BY t.relname
        UNION ALL
        SELECT {{ConstraintKind}}, t.relname || '.' || con.conname, pg_get_constraintdef(con.oid), true
          FROM t JOIN pg_constraint con ON con.conrelid = t.oid
        UNION ALL
        SELECT {{IndexKind}}, t.relname || '.' || i.relname, pg_get_indexdef(i.oid), true
          FROM t JOIN pg_index x ON x.indrelid = t.oid JOIN pg_class i ON i.oid = x.indexrelid
        UNION ALL
        SELECT {{EnumKind}}, ty.typname::text, string_agg(e.enumlabel::text, ', ' ORDER BY e.enumsortorder), true
          FROM pg_type ty JOIN pg_namespace n ON n.oid = ty.typnamespace JOIN pg_enum e ON e.enumtypid = ty.oid
         WHERE n.nspname = @schema AND {{OfNoExtension("pg_type", "ty.oid")}} GROUP BY ty.typname
        UNION ALL
        SELECT {{DomainKind}}, ty.typname::text,
               format_type(ty.typbasetype, ty.typtypmod)
               || CASE WHEN ty.typcollation <> 0 AND ty.typcollation <> bt.typcollation THEN ' collate ' || quote_ident(co.collname) ELSE '' END
               || CASE WHEN ty.typnotnull THEN ' not null' ELSE '' END
               || COALESCE(' default ' || ty.typdefault, '')
               || COALESCE((SELECT string_agg(' constraint ' || quote_ident(dc.conname) || ' ' || pg_get_constraintdef(dc.oid), '' ORDER BY dc.conname)
                              FROM pg_constraint dc WHERE dc.contypid = ty.oid AND dc.contype = 'c'), ''),
               true
          FROM pg_type ty JOIN pg_namespace n ON n.oid = ty.typnamespace JOIN pg_type bt ON bt.oid = ty.typbasetype
          LEFT JOIN pg_collation co ON co.oid = ty.typcollation
         WHERE n.nspname = @schema AND ty.typtype = 'd' AND {{OfNoExtension("pg_type", "ty.oid")}}
        UNION ALL
        SELECT {{SequenceKind}}, s.relname::text, COALESCE('owned by ' || t2.relname || '.' || a.attname, ''), true
          FROM pg_class s JOIN pg_namespace n ON n.oid = s.relnamespace
          LEFT JOIN pg_depend dp ON dp.objid = s.oid AND dp.deptype = 'a' AND dp.classid = 'pg_class'::regclass
          LEFT JOIN pg_class t2 ON t2.oid = dp.refobjid
          LEFT JOIN pg_attribute a ON a.attrelid = dp.refobjid AND a.attnum = dp.refobjsubid
         WHERE n.nspname = @schema AND s.relkind = 'S' AND s.relname NOT IN {{Bookkeeping}} AND {{OfNoExtension("pg_class", "s.oid")}}
        UNION ALL
        SELECT {{FunctionKind}}, p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')',
               CASE WHEN p.prokind = 'a'
                    THEN 'aggregate ' || p.proname || '(' || pg_get_function_arguments(p.oid) || ') returns ' || pg_get_function_result(p.oid)
                         || ' (sfunc ' || ag.aggtransfn::text || ', stype ' || format_type(ag.aggtranstype, NULL)
                         || COALESCE(', finalfunc ' || NULLIF(ag.aggfinalfn::oid, 0)::regproc::text, '')
                         || COALESCE(', initcond ' || ag.agginitval, '') || ')'
                    ELSE pg_get_functiondef(p.oid) END,
               true
          FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
          LEFT JOIN pg_aggregate ag ON ag.aggfnoid = p.oid
         WHERE n.nspname = @schema AND {{OfNoExtension("pg_proc", "p.oid")}}
        UNION ALL
        SELECT {{ViewKind}}, r.relname::text,
               pg_get_viewdef(r.oid)
               || CASE WHEN r.relkind = 'm' THEN E'\n(materialized)' ELSE '' END
               || COALESCE(E'\nWITH (' || array_to_string(r.reloptions, ', ') || ')', ''),
               true
          FROM r WHERE r.relkind IN ('v', 'm')
        UNION ALL
        SELECT {{TriggerKind}}, r.relname || '.' || tg.tgname,
               pg_get_triggerdef(tg.oid)
               || CASE tg.tgenabled WHEN 'D' THEN ' (disabled)' WHEN 'R' THEN ' (enabled on replica only)' WHEN 'A' THEN ' (enabled always)' ELSE '' END,
               true
          FROM r JOIN pg_trigger tg ON tg.tgrelid = r.oid AND NOT tg.tgisinternal
        UNION ALL
        SELECT {{RowSecurityKind}}, t.relname::text,
               CASE WHEN t.relrowsecurity AND t.relforcerowsecurity THEN 'enabled and forced'
                    WHEN t.relrowsecurity THEN 'enabled'
                    WHEN t.relforcerowsecurity THEN 'forced (not enabled)'
                    ELSE 'disabled' END,
               true
          FROM t
        UNION ALL
        SELECT {{PolicyKind}}, t.relname || '.' || pol.polname,
               CASE WHEN pol.polpermissive THEN 'PERMISSIVE' ELSE 'RESTRICTIVE' END
               || ' FOR ' || CASE pol.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' WHEN 'w' THEN 'UPDATE' WHEN 'd' THEN 'DELETE' ELSE 'ALL' END
               || ' TO ' || (SELECT string_agg(role, ', ' ORDER BY role)
                               FROM (SELECT CASE WHEN u = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(u)) END AS role FROM unnest(pol.polroles) AS u) roles)
               || COALESCE(' USING (' || pg_get_expr(pol.polqual, pol.polrelid) || ')', '')
               || COALESCE(' WITH CHECK (' || pg_get_expr(pol.polwithcheck, pol.polrelid) || ')', ''),
               true
          FROM t JOIN pg_policy pol ON pol.polrelid = t.oid
        UNION ALL
        SELECT {{RuleKind}}, r.relname || '.' || rw.rulename, pg_get_ruledef(rw.oid), true
          FROM r JOIN pg_rewrite rw ON rw.ev_class = r.oid AND rw.rulename <> '_RETURN'
        UNION ALL
        SELECT {{ExtensionKind}}, x.extname::text, 'version ' || x.extversion || ', schema ' || n.nspname, n.nspname = @schema
          FROM pg_extension x JOIN pg_namespace n ON n.oid = x.extnamespace
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
            facts.Add(new CatalogFact((FactKind)reader.GetInt32(0), reader.GetString(1), reader.GetString(2)) { OutsideSchema = !reader.GetBoolean(3) });
        }

        return facts.OrderBy(f => f.Kind).ThenBy(f => f.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>Whether the schema holds any table of its own (bookkeeping tables aside).</summary>
    /// <summary>Whether the schema holds a table (<paramref name="versionTable"/>, a version table of another name, aside) or an enum type.</summary>
    public static bool HasTables(DatabaseConnection database, string versionTable)
        => Read(database).Any(f => f.Kind == FactKind.EnumType || (f.Kind == FactKind.Table && f.Name != versionTable));
}
