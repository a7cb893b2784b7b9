using Npgsql;

namespace Nexgent.Schema.Runner.Drift;

/// <summary>
/// Everything a schema holds that migrations create, or a person can change by hand, read from PostgreSQL's catalog as
/// pg_dump --schema-only would print it: tables (logged or not, storage parameters, inheritance, partitioning, replica
/// identity, the index they cluster on), columns with type, collation, nullability, default or generation expression
/// and identity options, and their storage, statistics target, compression and options, the order of each table's
/// columns, constraints, indexes, extended statistics, enum, composite and range types, domains with their base type,
/// default and checks, sequences with their options, functions and views with their definitions, triggers (and whether
/// they fire), row-level security and policies, rules, the database's extensions, and the comments on and privileges
/// granted on all of them.
/// An object that belongs to an extension (its functions, types, operators, tables) is the extension's, not the
/// schema's: it is left out, and the extension is one fact. The migration bookkeeping tables
/// (<see cref="BookkeepingTables"/>), and only they, are left out: a table of the application's whose name merely
/// holds "version" is part of its schema.
/// </summary>
internal static class SchemaCatalog
{
    /// <summary>Whether an object of the catalog <paramref name="catalog"/> (its oid in <paramref name="oid"/>) belongs to an extension.</summary>
    private static string OfNoExtension(string catalog, string oid)
        => $"NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = '{catalog}'::regclass AND e.objid = {oid} AND e.deptype = 'e')";

    /// <summary>
    /// The options of the sequence <paramref name="q"/> (a row of pg_sequence) that are not CREATE SEQUENCE's defaults,
    /// in the words of pg_dump; its data type too unless <paramref name="withType"/> is false (an identity's is its column's).
    /// </summary>
    private static string SequenceOptions(string q, bool withType)
    {
        var (typeMin, typeMax) = ($"CASE {q}.seqtypid WHEN 'int2'::regtype THEN -32768 WHEN 'int4'::regtype THEN -2147483648 ELSE -9223372036854775808 END",
                                  $"CASE {q}.seqtypid WHEN 'int2'::regtype THEN 32767 WHEN 'int4'::regtype THEN 2147483647 ELSE 9223372036854775807 END");
        return $"""
            concat_ws(', ',
                {(withType ? $"CASE WHEN {q}.seqtypid <> 'int8'::regtype THEN 'as ' || format_type({q}.seqtypid, NULL) END" : "NULL")},
                CASE WHEN {q}.seqstart <> CASE WHEN {q}.seqincrement > 0 THEN {q}.seqmin ELSE {q}.seqmax END THEN 'start with ' || {q}.seqstart END,
                CASE WHEN {q}.seqincrement <> 1 THEN 'increment by ' || {q}.seqincrement END,
                CASE WHEN {q}.seqmin <> CASE WHEN {q}.seqincrement > 0 THEN 1 ELSE {typeMin} END THEN 'minvalue ' || {q}.seqmin END,
                CASE WHEN {q}.seqmax <> CASE WHEN {q}.seqincrement > 0 THEN {typeMax} ELSE -1 END THEN 'maxvalue ' || {q}.seqmax END,
                CASE WHEN {q}.seqcache <> 1 THEN 'cache ' || {q}.seqcache END,
                CASE WHEN {q}.seqcycle THEN 'cycle' END)
            """;
    }

    /// <summary>A relation's name (<paramref name="c"/>, its schema <paramref name="n"/>), qualified when it is in another schema.</summary>
    private static string Named(string c, string n) => $"CASE WHEN {n}.nspname = @schema THEN {c}.relname::text ELSE {n}.nspname || '.' || {c}.relname END";

    private const int TableKind = (int)FactKind.Table;
    private const int ColumnKind = (int)FactKind.Column;
    private const int SequenceKind = (int)FactKind.Sequence;

    // The schema's objects, one row each: kind, name, definition, whether it lies in the schema (only an extension may
    // not), and where the catalog keeps it (for its comment and privileges); then the settings that are not their
    // defaults, each named by the table, column or sequence it is a setting of; then comments and privileges.
    private static readonly string Query = $$"""
        WITH r AS (
          SELECT c.*
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = @schema AND c.relkind IN ('r', 'p', 'v', 'm') AND c.relname <> ALL (@bookkeeping)
             AND {{OfNoExtension("pg_class", "c.oid")}}
        ), t AS (
          SELECT * FROM r WHERE relkind IN ('r', 'p')
        ), col AS (
          SELECT t.relname || '.' || a.attname AS name, t.oid AS table_oid, a.*, ty.typcollation, ty.typstorage
            FROM t JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped
            JOIN pg_type ty ON ty.oid = a.atttypid
        ), seq AS (
          SELECT s.*, (SELECT t2.relpersistence FROM pg_depend dp JOIN pg_class t2 ON t2.oid = dp.refobjid
                        WHERE dp.classid = 'pg_class'::regclass AND dp.objid = s.oid AND dp.deptype = 'a' LIMIT 1) AS owner_persistence
            FROM pg_class s JOIN pg_namespace n ON n.oid = s.relnamespace
           WHERE n.nspname = @schema AND s.relkind = 'S' AND s.relname <> ALL (@bookkeeping) AND {{OfNoExtension("pg_class", "s.oid")}}
        ), facts (kind, name, definition, in_schema, catalog, objid, objsubid) AS (
          SELECT {{TableKind}}, relname::text, ''::text, true, 'pg_class'::regclass, oid, 0 FROM t
          UNION ALL
          SELECT {{ColumnKind}}, col.name,
                 format_type(col.atttypid, col.atttypmod)
                 || CASE WHEN col.attnotnull THEN ' not null' ELSE '' END
                 || CASE WHEN col.attgenerated = 's' THEN ' generated always as (' || pg_get_expr(d.adbin, d.adrelid) || ') stored'
                         ELSE COALESCE(' default ' || pg_get_expr(d.adbin, d.adrelid), '') END
                 || CASE col.attidentity WHEN 'a' THEN ' generated always as identity' WHEN 'd' THEN ' generated by default as identity' ELSE '' END
                 || COALESCE((SELECT ' (' || NULLIF({{SequenceOptions("q", withType: false)}}, '') || ')'
                                FROM pg_depend dp JOIN pg_sequence q ON q.seqrelid = dp.objid
                               WHERE dp.classid = 'pg_class'::regclass AND dp.refobjid = col.table_oid AND dp.refobjsubid = col.attnum AND dp.deptype = 'i'), ''),
                 true, 'pg_class'::regclass, col.table_oid, col.attnum
            FROM col LEFT JOIN pg_attrdef d ON d.adrelid = col.table_oid AND d.adnum = col.attnum
          UNION ALL
          SELECT {{(int)FactKind.ColumnOrder}}, t.relname::text, string_agg(a.attname::text, ', ' ORDER BY a.attnum), true, NULL, NULL, NULL
            FROM t JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped
           GROUP BY t.relname
          UNION ALL
          SELECT {{(int)FactKind.Constraint}}, t.relname || '.' || con.conname, pg_get_constraintdef(con.oid), true, 'pg_constraint'::regclass, con.oid, 0
            FROM t JOIN pg_constraint con ON con.conrelid = t.oid
          UNION ALL
          SELECT {{(int)FactKind.Index}}, t.relname || '.' || i.relname,
                 pg_get_indexdef(i.oid)
                 || COALESCE((SELECT ' (' || string_agg('column ' || a.attnum || ' statistics ' || a.attstattarget, ', ' ORDER BY a.attnum) || ')'
                                FROM pg_attribute a WHERE a.attrelid = i.oid AND a.attstattarget >= 0), ''),
                 true, 'pg_class'::regclass, i.oid, 0
            FROM t JOIN pg_index x ON x.indrelid = t.oid JOIN pg_class i ON i.oid = x.indexrelid
          UNION ALL
          SELECT {{(int)FactKind.EnumType}}, ty.typname::text, string_agg(e.enumlabel::text, ', ' ORDER BY e.enumsortorder), true, 'pg_type'::regclass, ty.oid, 0
            FROM pg_type ty JOIN pg_namespace n ON n.oid = ty.typnamespace JOIN pg_enum e ON e.enumtypid = ty.oid
           WHERE n.nspname = @schema AND {{OfNoExtension("pg_type", "ty.oid")}} GROUP BY ty.oid, ty.typname
          UNION ALL
          SELECT {{(int)FactKind.Domain}}, ty.typname::text,
                 format_type(ty.typbasetype, ty.typtypmod)
                 || CASE WHEN ty.typcollation <> 0 AND ty.typcollation <> bt.typcollation THEN ' collate ' || quote_ident(co.collname) ELSE '' END
                 || CASE WHEN ty.typnotnull THEN ' not null' ELSE '' END
                 || COALESCE(' default ' || ty.typdefault, '')
                 || COALESCE((SELECT string_agg(' constraint ' || quote_ident(dc.conname) || ' ' || pg_get_constraintdef(dc.oid), '' ORDER BY dc.conname)
                                FROM pg_constraint dc WHERE dc.contypid = ty.oid AND dc.contype = 'c'), ''),
                 true, 'pg_type'::regclass, ty.oid, 0
            FROM pg_type ty JOIN pg_namespace n ON n.oid = ty.typnamespace JOIN pg_type bt ON bt.oid = ty.typbasetype
            LEFT JOIN pg_collation co ON co.oid = ty.typcollation
           WHERE n.nspname = @schema AND ty.typtype = 'd' AND {{OfNoExtension("pg_type", "ty.oid")}}
          UNION ALL
          SELECT {{(int)FactKind.Type}}, ty.typname::text,
                 CASE WHEN ty.typtype = 'c'
                      THEN (SELECT 'AS (' || string_agg(quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod)
                                                        || CASE WHEN a.attcollation <> at.typcollation THEN ' COLLATE ' || a.attcollation::regcollation::text ELSE '' END,
                                                        ', ' ORDER BY a.attnum) || ')'
                              FROM pg_attribute a JOIN pg_type at ON at.oid = a.atttypid WHERE a.attrelid = ty.typrelid AND a.attnum > 0 AND NOT a.attisdropped)
                      ELSE 'AS RANGE (subtype = ' || format_type(rg.rngsubtype, NULL)
                           || CASE WHEN NOT opc.opcdefault THEN ', subtype_opclass = ' || quote_ident(opc.opcname) ELSE '' END
                           || CASE WHEN rg.rngcollation <> st.typcollation THEN ', collation = ' || rg.rngcollation::regcollation::text ELSE '' END
                           || COALESCE(', canonical = ' || NULLIF(rg.rngcanonical, 0)::regproc::text, '')
                           || COALESCE(', subtype_diff = ' || NULLIF(rg.rngsubdiff, 0)::regproc::text, '')
                           || ', multirange_type_name = ' || format_type(rg.rngmultitypid, NULL) || ')' END,
                 true, 'pg_type'::regclass, ty.oid, 0
            FROM pg_type ty JOIN pg_namespace n ON n.oid = ty.typnamespace
            LEFT JOIN pg_class tc ON tc.oid = ty.typrelid
            LEFT JOIN pg_range rg ON rg.rngtypid = ty.oid LEFT JOIN pg_type st ON st.oid = rg.rngsubtype LEFT JOIN pg_opclass opc ON opc.oid = rg.rngsubopc
           WHERE n.nspname = @schema AND (ty.typtype = 'r' OR (ty.typtype = 'c' AND tc.relkind = 'c')) AND {{OfNoExtension("pg_type", "ty.oid")}}
          UNION ALL
          SELECT {{(int)FactKind.Statistics}}, t.relname || '.' || st.stxname,
                 pg_get_statisticsobjdef(st.oid) || CASE WHEN st.stxstattarget >= 0 THEN ' (statistics ' || st.stxstattarget || ')' ELSE '' END,
                 true, 'pg_statistic_ext'::regclass, st.oid, 0
            FROM t JOIN pg_statistic_ext st ON st.stxrelid = t.oid
          UNION ALL
          SELECT {{SequenceKind}}, seq.relname::text, COALESCE('owned by ' || t2.relname || '.' || a.attname, ''), true, 'pg_class'::regclass, seq.oid, 0
            FROM seq
            LEFT JOIN pg_depend dp ON dp.objid = seq.oid AND dp.deptype = 'a' AND dp.classid = 'pg_class'::regclass
            LEFT JOIN pg_class t2 ON t2.oid = dp.refobjid
            LEFT JOIN pg_attribute a ON a.attrelid = dp.refobjid AND a.attnum = dp.refobjsubid
          UNION ALL
          SELECT {{(int)FactKind.Function}}, p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')',
                 CASE WHEN p.prokind = 'a'
                      THEN 'aggregate ' || p.proname || '(' || pg_get_function_arguments(p.oid) || ') returns ' || pg_get_function_result(p.oid)
                           || ' (sfunc ' || ag.aggtransfn::text || ', stype ' || format_type(ag.aggtranstype, NULL)
                           || COALESCE(', finalfunc ' || NULLIF(ag.aggfinalfn::oid, 0)::regproc::text, '')
                           || COALESCE(', initcond ' || ag.agginitval, '') || ')'
                      ELSE pg_get_functiondef(p.oid) END,
                 true, 'pg_proc'::regclass, p.oid, 0
            FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            LEFT JOIN pg_aggregate ag ON ag.aggfnoid = p.oid
           WHERE n.nspname = @schema AND {{OfNoExtension("pg_proc", "p.oid")}}
             -- A range type's constructors are the type's.
             AND NOT EXISTS (SELECT 1 FROM pg_depend dt WHERE dt.classid = 'pg_proc'::regclass AND dt.objid = p.oid AND dt.deptype = 'i')
          UNION ALL
          SELECT {{(int)FactKind.View}}, r.relname::text,
                 pg_get_viewdef(r.oid)
                 || CASE WHEN r.relkind = 'm' THEN E'\n(materialized)' ELSE '' END
                 || COALESCE(E'\nWITH (' || array_to_string(r.reloptions, ', ') || ')', '')
                 || COALESCE((SELECT string_agg(E'\ncolumn ' || a.attname || ' default ' || pg_get_expr(d.adbin, d.adrelid), '' ORDER BY a.attnum)
                                FROM pg_attribute a JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum WHERE a.attrelid = r.oid), ''),
                 true, 'pg_class'::regclass, r.oid, 0
            FROM r WHERE r.relkind IN ('v', 'm')
          UNION ALL
          SELECT {{(int)FactKind.Trigger}}, r.relname || '.' || tg.tgname,
                 pg_get_triggerdef(tg.oid)
                 || CASE tg.tgenabled WHEN 'D' THEN ' (disabled)' WHEN 'R' THEN ' (enabled on replica only)' WHEN 'A' THEN ' (enabled always)' ELSE '' END,
                 true, 'pg_trigger'::regclass, tg.oid, 0
            FROM r JOIN pg_trigger tg ON tg.tgrelid = r.oid AND NOT tg.tgisinternal
          UNION ALL
          SELECT {{(int)FactKind.RowSecurity}}, t.relname::text,
                 CASE WHEN t.relrowsecurity AND t.relforcerowsecurity THEN 'enabled and forced'
                      WHEN t.relrowsecurity THEN 'enabled'
                      WHEN t.relforcerowsecurity THEN 'forced (not enabled)'
                      ELSE 'disabled' END,
                 true, NULL, NULL, NULL
            FROM t
          UNION ALL
          SELECT {{(int)FactKind.Policy}}, t.relname || '.' || pol.polname,
                 CASE WHEN pol.polpermissive THEN 'PERMISSIVE' ELSE 'RESTRICTIVE' END
                 || ' FOR ' || CASE pol.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' WHEN 'w' THEN 'UPDATE' WHEN 'd' THEN 'DELETE' ELSE 'ALL' END
                 || ' TO ' || (SELECT string_agg(role, ', ' ORDER BY role)
                                 FROM (SELECT CASE WHEN u = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(u)) END AS role FROM unnest(pol.polroles) AS u) roles)
                 || COALESCE(' USING (' || pg_get_expr(pol.polqual, pol.polrelid) || ')', '')
                 || COALESCE(' WITH CHECK (' || pg_get_expr(pol.polwithcheck, pol.polrelid) || ')', ''),
                 true, 'pg_policy'::regclass, pol.oid, 0
            FROM t JOIN pg_policy pol ON pol.polrelid = t.oid
          UNION ALL
          SELECT {{(int)FactKind.Rule}}, r.relname || '.' || rw.rulename, pg_get_ruledef(rw.oid), true, 'pg_rewrite'::regclass, rw.oid, 0
            FROM r JOIN pg_rewrite rw ON rw.ev_class = r.oid AND rw.rulename <> '_RETURN'
          UNION ALL
          SELECT {{(int)FactKind.Extension}}, x.extname::text, 'version ' || x.extversion || ', schema ' || n.nspname, n.nspname = @schema, 'pg_extension'::regclass, x.oid, 0
            FROM pg_extension x JOIN pg_namespace n ON n.oid = x.extnamespace
        ), commentable AS (
          -- The objects a comment or privileges may be on: the facts, and the columns of views (their definition is the view's).
          SELECT kind, name, catalog, objid, objsubid FROM facts WHERE catalog IS NOT NULL
          UNION ALL
          SELECT {{ColumnKind}}, r.relname || '.' || a.attname, 'pg_class'::regclass, r.oid, a.attnum
            FROM r JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped
           WHERE r.relkind IN ('v', 'm')
        ), settings (kind, name, definition, subject) AS (
          SELECT {{(int)FactKind.Persistence}}, relname::text, 'unlogged', {{TableKind}} FROM t WHERE relpersistence = 'u'
          UNION ALL
          SELECT {{(int)FactKind.StorageParameters}}, t.relname::text,
                 (SELECT string_agg(o, ', ' ORDER BY o) FROM (SELECT unnest(t.reloptions) UNION ALL SELECT 'toast.' || unnest(tc.reloptions)) p(o)),
                 {{TableKind}}
            FROM t LEFT JOIN pg_class tc ON tc.oid = t.reltoastrelid
           WHERE t.reloptions IS NOT NULL OR tc.reloptions IS NOT NULL
          UNION ALL
          SELECT {{(int)FactKind.Inheritance}}, t.relname::text, string_agg({{Named("p", "pn")}}, ', ' ORDER BY i.inhseqno), {{TableKind}}
            FROM t JOIN pg_inherits i ON i.inhrelid = t.oid JOIN pg_class p ON p.oid = i.inhparent JOIN pg_namespace pn ON pn.oid = p.relnamespace
           WHERE NOT t.relispartition
           GROUP BY t.relname
          UNION ALL
          SELECT {{(int)FactKind.Partitioning}}, relname::text, pg_get_partkeydef(oid), {{TableKind}} FROM t WHERE relkind = 'p'
          UNION ALL
          SELECT {{(int)FactKind.PartitionOf}}, t.relname::text, {{Named("p", "pn")}} || ' ' || pg_get_expr(t.relpartbound, t.oid), {{TableKind}}
            FROM t JOIN pg_inherits i ON i.inhrelid = t.oid JOIN pg_class p ON p.oid = i.inhparent JOIN pg_namespace pn ON pn.oid = p.relnamespace
           WHERE t.relispartition
          UNION ALL
          SELECT {{(int)FactKind.ReplicaIdentity}}, t.relname::text,
                 CASE t.relreplident WHEN 'n' THEN 'nothing' WHEN 'f' THEN 'full'
                      ELSE 'using index ' || (SELECT i.relname FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = t.oid AND x.indisreplident) END,
                 {{TableKind}}
            FROM t WHERE t.relreplident <> 'd'
          UNION ALL
          SELECT {{(int)FactKind.ClusterIndex}}, t.relname::text, i.relname::text, {{TableKind}}
            FROM t JOIN pg_index x ON x.indrelid = t.oid AND x.indisclustered JOIN pg_class i ON i.oid = x.indexrelid
          UNION ALL
          SELECT {{(int)FactKind.ColumnCollation}}, col.name,
                 CASE WHEN cn.nspname = 'pg_catalog' THEN quote_ident(co.collname) ELSE quote_ident(cn.nspname) || '.' || quote_ident(co.collname) END,
                 {{ColumnKind}}
            FROM col JOIN pg_collation co ON co.oid = col.attcollation JOIN pg_namespace cn ON cn.oid = co.collnamespace
           WHERE col.attcollation <> col.typcollation
          UNION ALL
          SELECT {{(int)FactKind.ColumnStorage}}, col.name,
                 CASE col.attstorage WHEN 'p' THEN 'plain' WHEN 'e' THEN 'external' WHEN 'm' THEN 'main' ELSE 'extended' END, {{ColumnKind}}
            FROM col WHERE col.attstorage <> col.typstorage
          UNION ALL
          SELECT {{(int)FactKind.ColumnStatistics}}, col.name, col.attstattarget::text, {{ColumnKind}} FROM col WHERE col.attstattarget >= 0
          UNION ALL
          SELECT {{(int)FactKind.ColumnCompression}}, col.name, CASE col.attcompression WHEN 'p' THEN 'pglz' WHEN 'l' THEN 'lz4' ELSE col.attcompression::text END, {{ColumnKind}}
            FROM col WHERE col.attcompression <> ''
          UNION ALL
          SELECT {{(int)FactKind.ColumnOptions}}, col.name, (SELECT string_agg(o, ', ' ORDER BY o) FROM unnest(col.attoptions) o), {{ColumnKind}}
            FROM col WHERE col.attoptions IS NOT NULL
          UNION ALL
          SELECT {{(int)FactKind.SequenceOptions}}, seq.relname::text,
                 -- A serial's sequence is as logged as its table, which says so.
                 concat_ws(', ', CASE WHEN seq.relpersistence <> COALESCE(seq.owner_persistence, 'p') THEN CASE seq.relpersistence WHEN 'u' THEN 'unlogged' ELSE 'logged' END END,
                                 NULLIF({{SequenceOptions("q", withType: true)}}, '')),
                 {{SequenceKind}}
            FROM seq JOIN pg_sequence q ON q.seqrelid = seq.oid
           WHERE NOT EXISTS (SELECT 1 FROM pg_depend dp WHERE dp.classid = 'pg_class'::regclass AND dp.objid = seq.oid AND dp.deptype = 'i')
        )
        SELECT f.kind, f.name, f.definition, f.in_schema, owner.kind, owner.name
          FROM facts f
          -- An index a primary key, unique or exclusion constraint made is that constraint's (and has its name); a
          -- sequence a column owns (serial, identity) is that column's.
          LEFT JOIN LATERAL (
                SELECT {{(int)FactKind.Constraint}} AS kind, f.name
                  FROM pg_constraint c WHERE f.kind = {{(int)FactKind.Index}} AND c.conindid = f.objid AND c.contype IN ('p', 'u', 'x')
                UNION ALL
                SELECT {{ColumnKind}}, t2.relname || '.' || a.attname
                  FROM pg_depend dp JOIN pg_class t2 ON t2.oid = dp.refobjid JOIN pg_attribute a ON a.attrelid = dp.refobjid AND a.attnum = dp.refobjsubid
                 WHERE f.kind = {{SequenceKind}} AND dp.classid = 'pg_class'::regclass AND dp.objid = f.objid AND dp.deptype IN ('a', 'i')
                 LIMIT 1
              ) owner ON true
        UNION ALL
        SELECT kind, name, definition, true, subject, name FROM settings WHERE definition <> ''
        UNION ALL
        SELECT {{(int)FactKind.Comment}}, f.name, d.description, true, f.kind, f.name
          FROM commentable f JOIN pg_description d ON d.classoid = f.catalog AND d.objoid = f.objid AND d.objsubid = f.objsubid
        UNION ALL
        SELECT {{(int)FactKind.Privileges}}, f.name, changed.privileges, true, f.kind, f.name
          FROM commentable f
          JOIN LATERAL (
                SELECT c.relacl AS acl, c.relowner AS owner, CASE c.relkind WHEN 'S' THEN 's' ELSE 'r' END::"char" AS type
                  FROM pg_class c WHERE f.catalog = 'pg_class'::regclass AND c.oid = f.objid AND f.objsubid = 0
                UNION ALL
                SELECT a.attacl, c.relowner, 'c' FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
                 WHERE f.catalog = 'pg_class'::regclass AND a.attrelid = f.objid AND a.attnum = f.objsubid AND f.objsubid > 0
                UNION ALL
                SELECT p.proacl, p.proowner, 'f' FROM pg_proc p WHERE f.catalog = 'pg_proc'::regclass AND p.oid = f.objid
                UNION ALL
                SELECT ty.typacl, ty.typowner, 'T' FROM pg_type ty WHERE f.catalog = 'pg_type'::regclass AND ty.oid = f.objid
              ) o ON o.acl IS NOT NULL
          -- What the privileges grant beyond, or take away from, what the owner and PUBLIC have by default.
          JOIN LATERAL (
                SELECT string_agg(change, '; ' ORDER BY change) AS privileges
                  FROM (SELECT string_agg(privilege_type, ', ' ORDER BY privilege_type) || CASE WHEN granted THEN ' granted to ' ELSE ' revoked from ' END
                               || CASE WHEN grantee = 0 THEN 'PUBLIC' WHEN grantee = o.owner THEN 'the owner' ELSE quote_ident(pg_get_userbyid(grantee)) END
                               || CASE WHEN is_grantable THEN ' with grant option' ELSE '' END AS change
                          FROM ((SELECT grantee, privilege_type, is_grantable, true AS granted FROM aclexplode(o.acl)
                                 EXCEPT SELECT grantee, privilege_type, is_grantable, true FROM aclexplode(acldefault(o.type, o.owner)))
                                UNION ALL
                                (SELECT grantee, privilege_type, is_grantable, false FROM aclexplode(acldefault(o.type, o.owner))
                                 EXCEPT SELECT grantee, privilege_type, is_grantable, false FROM aclexplode(o.acl))) e
                         GROUP BY grantee, granted, is_grantable) changes
              ) changed ON changed.privileges IS NOT NULL
        """;

    /// <summary>
    /// The facts of <paramref name="database"/>'s schema; <paramref name="versionTable"/>, a version table of another name
    /// than FluentMigrator's default, is bookkeeping too.
    /// </summary>
    public static IReadOnlyList<CatalogFact> Read(DatabaseConnection database, string? versionTable = null)
    {
        using var connection = new NpgsqlConnection(database.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(Query, connection);
        command.Parameters.AddWithValue("schema", database.Schema);
        command.Parameters.AddWithValue("bookkeeping", BookkeepingTables.Names(versionTable).ToArray());
        using var reader = command.ExecuteReader();
        var facts = new List<CatalogFact>();
        while (reader.Read())
        {
            var (kind, name, definition) = ((FactKind)reader.GetInt32(0), reader.GetString(1), reader.GetString(2));
            facts.Add(reader.IsDBNull(4)
                ? new CatalogFact(kind, name, definition) { OutsideSchema = !reader.GetBoolean(3) }
                : CatalogFact.Of(kind, name, definition, ((FactKind)reader.GetInt32(4), reader.GetString(5))));
        }

        return facts.OrderBy(f => f.Kind).ThenBy(f => f.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>Whether the schema holds a table (<paramref name="versionTable"/>, a version table of another name, aside) or an enum type.</summary>
    public static bool HasTables(DatabaseConnection database, string versionTable)
        => Read(database, versionTable).Any(f => f.Kind is FactKind.EnumType or FactKind.Table);
}
