namespace Nexgent.Schema.Runner.Lint;

/// <summary>
/// One of lint's rules: its stable <see cref="Id"/> (what <c>[AcceptsLockHazard("id", "why")]</c> names), what it
/// finds and why that hurts a live database (<see cref="Hazard"/>), and the safe way to write the change with this
/// project's building blocks (<see cref="SafeWay"/>).
/// </summary>
public sealed record LintRule(string Id, string Hazard, string SafeWay);

/// <summary>
/// The lock hazards lint looks for in the SQL of pending migrations. "Existing table" means a table the migration did
/// not create itself: with no database, one an earlier migration created counts as existing, since in production it may
/// hold rows. After a <c>TRUNCATE</c> earlier in the same transactional migration a table is empty and already locked,
/// so what takes time on its rows takes none.
/// </summary>
public static class LintRules
{
    public const string AddIndexWithoutConcurrently = "add-index-without-concurrently";
    public const string DropIndexWithoutConcurrently = "drop-index-without-concurrently";
    public const string AddForeignKeyWithoutNotValid = "add-foreign-key-without-not-valid";
    public const string AddCheckWithoutNotValid = "add-check-without-not-valid";
    public const string SetNotNull = "set-not-null";
    public const string AlterColumnTypeRewrite = "alter-column-type-rewrite";
    public const string AddColumnVolatileDefault = "add-column-volatile-default";
    public const string AddUniqueConstraintInPlace = "add-unique-constraint-in-place";
    public const string RenameTable = "rename-table";
    public const string RenameColumn = "rename-column";
    public const string DropTable = "drop-table";
    public const string DropColumn = "drop-column";
    public const string UnbatchedDataChange = "unbatched-data-change";
    public const string StrongLockWithoutLockTimeout = "strong-lock-without-lock-timeout";
    public const string AddExclusionConstraint = "add-exclusion-constraint";
    public const string SetLoggedOrUnlogged = "set-logged-or-unlogged";
    public const string VacuumFull = "vacuum-full";
    public const string Cluster = "cluster";
    public const string ReindexWithoutConcurrently = "reindex-without-concurrently";
    public const string LockTable = "lock-table";

    /// <summary>Every rule, in the order lint documents them.</summary>
    public static IReadOnlyList<LintRule> All { get; } =
    [
        new(AddIndexWithoutConcurrently,
            "CREATE INDEX without CONCURRENTLY on an existing table takes a SHARE lock for the whole build: reads go on, every INSERT, UPDATE and DELETE waits until the index is built.",
            "Execute.CreateIndexConcurrently(...) in a migration of its own, declared [Migration(V, TransactionBehavior.None, \"...\")] (CONCURRENTLY cannot run in a transaction)."),
        new(DropIndexWithoutConcurrently,
            "DROP INDEX without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on the index's table: brief once granted, but it waits behind every running query on the table, and every query after it waits behind it.",
            "Execute.DropIndexConcurrently(...) in a migration of its own, declared [Migration(V, TransactionBehavior.None, \"...\")]."),
        new(AddForeignKeyWithoutNotValid,
            "ADD FOREIGN KEY without NOT VALID checks every existing row under a SHARE ROW EXCLUSIVE lock on the table and on the table it references: writes to both wait for the whole scan.",
            "Execute.AddForeignKeyNotValid(...) (a brief lock, no scan; new rows are checked from then on), then Execute.ValidateConstraint(...) in a later migration (SHARE UPDATE EXCLUSIVE: reads and writes go on while it scans)."),
        new(AddCheckWithoutNotValid,
            "ADD CHECK without NOT VALID checks every existing row under an ACCESS EXCLUSIVE lock: reads and writes wait for the whole scan.",
            "Execute.AddCheckNotValid(...), then Execute.ValidateConstraint(...) in a later migration (SHARE UPDATE EXCLUSIVE: reads and writes go on while it scans)."),
        new(SetNotNull,
            "ALTER COLUMN ... SET NOT NULL scans every row under an ACCESS EXCLUSIVE lock (unless a validated CHECK (column IS NOT NULL) already proves it): reads and writes wait for the whole scan.",
            "Execute.SetNotNullOnline(table, column): a CHECK (column IS NOT NULL) NOT VALID, validated without blocking, lets SET NOT NULL skip the scan (PostgreSQL 12+)."),
        new(AlterColumnTypeRewrite,
            "ALTER COLUMN ... TYPE rewrites the table and rebuilds its indexes under an ACCESS EXCLUSIVE lock, unless the change is binary-coercible: varchar(n) to varchar(m >= n), varchar or text; numeric(p,s) to numeric(p' >= p, s) or unconstrained numeric; timestamp(p), timestamptz(p), time(p) to a precision as large or unconstrained; cidr to inet. A USING expression other than the column itself (Execute.BackfillInRewrite) always rewrites. Reads and writes wait for the whole rewrite.",
            "Add a column of the new type, fill it with Execute.BackfillInBatches(...) in a migration of its own, move the application to it, then drop the old column in a later release; or choose a binary-coercible change (keep a numeric's scale, widen a varchar)."),
        new(AddColumnVolatileDefault,
            "ADD COLUMN with a volatile default (random(), gen_random_uuid(), uuid_generate_v4(), clock_timestamp(), timeofday(), nextval(): also serial, bigserial and identity columns) or a stored generated column rewrites the table under an ACCESS EXCLUSIVE lock, to compute a value for every row. A non-volatile default does not rewrite (PostgreSQL 11+): constants, and STABLE functions such as now(), CURRENT_TIMESTAMP, statement_timestamp() and CURRENT_DATE, evaluated once when the column is added.",
            "Add the column without the default (or with a constant one), set the volatile default with Alter.Column(...) afterwards (it applies to new rows only), and fill the existing rows with Execute.BackfillInBatches(...) in a migration of its own."),
        new(AddUniqueConstraintInPlace,
            "ADD CONSTRAINT ... UNIQUE or PRIMARY KEY without USING INDEX builds its index under an ACCESS EXCLUSIVE lock: reads and writes wait for the whole build.",
            "Build the unique index first with Execute.CreateIndexConcurrently(...) in a migration of its own (TransactionBehavior.None), then Execute.Sql(\"ALTER TABLE t ADD CONSTRAINT c UNIQUE USING INDEX i\") (or PRIMARY KEY USING INDEX, after Execute.SetNotNullOnline(...) on its columns): a brief lock, no build."),
        new(RenameTable,
            "Renaming a table breaks the application instances still running the previous release, which query it by its old name (the lock itself, ACCESS EXCLUSIVE, is brief).",
            "Expand and contract: create the new table (or a view under the new name), have the application write both and read the new one, fill it with Execute.BackfillInBatches(...), and drop the old table in a later release; or accept it with [AcceptsLockHazard(\"rename-table\", \"why no running release reads the old name\")]."),
        new(RenameColumn,
            "Renaming a column breaks the application instances still running the previous release, which read and write it by its old name (the lock itself, ACCESS EXCLUSIVE, is brief).",
            "Expand and contract: add the new column (Alter.Table(...).AddColumn(...)), have the application write both, fill it with Execute.BackfillInBatches(...), move reads to it, and drop the old column in a later release; or accept it with [AcceptsLockHazard(\"rename-column\", \"why no running release reads the old name\")]."),
        new(DropTable,
            "Dropping a table breaks the application instances still running the previous release if they read it (the lock itself, ACCESS EXCLUSIVE, is brief; the data is gone with it).",
            "First release application code that no longer uses the table, then drop it in a later migration, saying so with [AcceptsLockHazard(\"drop-table\", \"release N stopped using it\")]."),
        new(DropColumn,
            "Dropping a column breaks the application instances still running the previous release if they read or write it (the lock itself, ACCESS EXCLUSIVE, is brief; the values are gone with it).",
            "First release application code that no longer reads or writes the column, then drop it in a later migration, saying so with [AcceptsLockHazard(\"drop-column\", \"release N stopped using it\")]."),
        new(UnbatchedDataChange,
            "An UPDATE or DELETE without a bounded WHERE (a key equal to or IN a list of values, a BETWEEN, a LIMIT in a subquery) changes every matching row in one statement, inside the migration's transaction: each row it changes stays locked against other writes until the migration commits, the locks the migration took before it stay held as long, and the table bloats. An INSERT ... SELECT without a bound is reported when it keeps such locks held.",
            "Execute.BackfillInBatches(...) in a migration of its own, declared [Migration(V, TransactionBehavior.None, \"...\")]: a few thousand rows per transaction, each committed before the next."),
        new(StrongLockWithoutLockTimeout,
            "A statement that takes a lock blocking reads or writes, with no lock_timeout in effect: it waits behind any long transaction on the table, and every query after it waits behind it, for as long as that transaction lasts. The runner sets lock_timeout (SchemaRunnerOptions.LockTimeout, --lock-timeout, 5 s by default) on every session it opens, for every migration, so this is found only when that is turned off (0) or the migration itself sets lock_timeout to 0.",
            "Keep the runner's lock timeout (--lock-timeout, greater than 0), and do not set lock_timeout to 0 in a migration; a migration that needs longer sets it with SET LOCAL lock_timeout = '...'."),
        new(AddExclusionConstraint,
            "ADD CONSTRAINT ... EXCLUDE builds its index and checks every row against the others under an ACCESS EXCLUSIVE lock: reads and writes wait for the whole build. An exclusion constraint has no NOT VALID and no USING INDEX.",
            "Add it when the table is created (CREATE TABLE ... EXCLUDE ...), or while it is still small; otherwise accept it with [AcceptsLockHazard(\"add-exclusion-constraint\", \"why the table can be unavailable for the build\")]."),
        new(SetLoggedOrUnlogged,
            "ALTER TABLE ... SET LOGGED or SET UNLOGGED rewrites the table and rebuilds its indexes under an ACCESS EXCLUSIVE lock (SET LOGGED also writes every row to the WAL): reads and writes wait for the whole rewrite.",
            "Choose at CREATE TABLE (CREATE UNLOGGED TABLE); for an existing table, create the new one, fill it with Execute.BackfillInBatches(...) and switch the application to it, or accept it with [AcceptsLockHazard(\"set-logged-or-unlogged\", \"why\")]."),
        new(VacuumFull,
            "VACUUM FULL rewrites the table into a new file and rebuilds its indexes under an ACCESS EXCLUSIVE lock: reads and writes wait for the whole rewrite (with no table named, for every table of the database in turn).",
            "Plain VACUUM (SHARE UPDATE EXCLUSIVE: reads and writes go on) makes the space of dead rows reusable without a rewrite; VACUUM cannot run in a transaction, so put it in a migration declared [Migration(V, TransactionBehavior.None, \"...\")]."),
        new(Cluster,
            "CLUSTER rewrites the table in the order of an index and rebuilds its indexes under an ACCESS EXCLUSIVE lock: reads and writes wait for the whole rewrite; the order is not kept for later rows.",
            "Leave the order to an index (Execute.CreateIndexConcurrently(...)) rather than to the table, or accept it with [AcceptsLockHazard(\"cluster\", \"why the table can be unavailable for the rewrite\")]."),
        new(ReindexWithoutConcurrently,
            "REINDEX TABLE or INDEX without CONCURRENTLY rebuilds each index under an ACCESS EXCLUSIVE lock on the index and a SHARE lock on the table: writes wait, and so do reads, whose planning opens every index of the table.",
            "REINDEX TABLE CONCURRENTLY (or INDEX CONCURRENTLY), SHARE UPDATE EXCLUSIVE: reads and writes go on (PostgreSQL 12+); it cannot run in a transaction, so put it in a migration declared [Migration(V, TransactionBehavior.None, \"...\")]."),
        new(LockTable,
            "LOCK TABLE in SHARE mode or stronger holds that lock until the migration's transaction ends: writes wait (and reads too, in ACCESS EXCLUSIVE mode) for every statement after it. Weaker modes block no query and are not reported.",
            "Take no explicit lock: each statement takes the lock it needs, for as long as the migration's transaction lasts. If the order of locks matters, keep the migration short and the runner's lock_timeout on, and accept it with [AcceptsLockHazard(\"lock-table\", \"why\")]."),
    ];

    /// <summary>The rule with this id, or null when there is none.</summary>
    public static LintRule? Find(string id) => All.FirstOrDefault(r => r.Id == id);

    /// <summary>The rule with this id; it must exist.</summary>
    internal static LintRule Get(string id) => Find(id) ?? throw new ArgumentException($"No lint rule is named {id}.", nameof(id));
}
