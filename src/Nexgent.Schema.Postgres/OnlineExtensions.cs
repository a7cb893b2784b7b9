using System.Data;
using System.Globalization;
using FluentMigrator.Builders.Execute;

namespace Nexgent.Schema.Postgres;

/// <summary>
/// Changes to a live table that keep its writers writing: an index built <c>CONCURRENTLY</c>, constraints added
/// <c>NOT VALID</c> and validated later, <c>SET NOT NULL</c> proved by a validated check, and a backfill committed
/// in batches. Each writes plain SQL (<c>Execute.Sql</c>), so the preview, the checksums and the data-loss check see
/// what runs. Names go unqualified, in the schema of the connection's search path, as the other building blocks.
/// Those that cannot run in a transaction (the index, the batched backfill) need a migration declared
/// <c>[Migration(version, TransactionBehavior.None, "description")]</c>; the runner refuses them in any other.
/// </summary>
public static class OnlineExtensions
{
    /// <summary>
    /// <c>CREATE INDEX CONCURRENTLY</c>: builds the index while the table takes writes (SHARE UPDATE EXCLUSIVE, which
    /// blocks no reader or writer), in a migration declared <c>TransactionBehavior.None</c>. It first drops an index of
    /// the same name (<c>DROP INDEX CONCURRENTLY IF EXISTS</c>): the migration runs only when it is not applied, so such
    /// an index is what a failed run left, INVALID, and running the migration again rebuilds it instead of failing on
    /// "already exists". The build waits for every transaction older than it, whatever table they use; since its lock
    /// stops no writer, both statements run with no <c>lock_timeout</c> (<c>SET lock_timeout = 0</c>, then
    /// <c>RESET lock_timeout</c> back to the runner's), instead of failing on any transaction older than a few seconds.
    /// </summary>
    public static void CreateIndexConcurrently(this IExecuteExpressionRoot execute, string name, string table, params string[] columns)
        => CreateIndex(execute, unique: false, name, table, columns);

    /// <summary>
    /// <c>CREATE UNIQUE INDEX CONCURRENTLY</c>, as <see cref="CreateIndexConcurrently"/>. Over duplicate values it fails
    /// and leaves an INVALID index, which no query uses but writers may still have to maintain (depending on where the
    /// build stopped): remove the duplicates, resolve the migration as rolled back, and migrate again.
    /// </summary>
    public static void CreateUniqueIndexConcurrently(this IExecuteExpressionRoot execute, string name, string table, params string[] columns)
        => CreateIndex(execute, unique: true, name, table, columns);

    /// <summary>
    /// <c>DROP INDEX CONCURRENTLY IF EXISTS</c>: waits for the transactions using the index instead of locking the table
    /// against them (the Down of <see cref="CreateIndexConcurrently"/>, in a migration declared
    /// <c>TransactionBehavior.None</c>), with no <c>lock_timeout</c> as the build. <c>IF EXISTS</c> lets a Down that
    /// failed midway run again.
    /// </summary>
    public static void DropIndexConcurrently(this IExecuteExpressionRoot execute, string name)
        => WithoutLockTimeout(execute, () => DropIndex(execute, name));

    /// <summary>
    /// <c>FOREIGN KEY (column) REFERENCES referencedTable(referencedColumn) ... NOT VALID</c>, named
    /// <c>&lt;table&gt;_&lt;column&gt;_fkey</c> unless <paramref name="name"/> says otherwise, with Prisma's
    /// <c>ON UPDATE CASCADE</c> by default. New and changed rows are checked at once; the rows already there are not
    /// read, so the SHARE ROW EXCLUSIVE lock it takes on both tables (writes wait) lasts an instant. Check them later
    /// with <see cref="ValidateConstraint"/>, in another migration. Down: <see cref="DropConstraint"/> (or
    /// <c>Delete.ForeignKeyOn(table, column)</c>). <see cref="Rule.None"/> writes no clause: PostgreSQL's NO ACTION.
    /// </summary>
    public static void AddForeignKeyNotValid(
        this IExecuteExpressionRoot execute,
        string table,
        string column,
        string referencedTable,
        string referencedColumn = "id",
        Rule onDelete = Rule.Cascade,
        Rule onUpdate = Rule.Cascade,
        string? name = null)
        => execute.Sql(
            $"ALTER TABLE {Sql.QuoteIdentifier(table)} ADD CONSTRAINT {Sql.QuoteIdentifier(name ?? PrismaNames.ForeignKey(table, column))} " +
            $"FOREIGN KEY ({Sql.QuoteIdentifier(column)}) REFERENCES {Sql.QuoteIdentifier(referencedTable)} ({Sql.QuoteIdentifier(referencedColumn)})" +
            $"{Action("DELETE", onDelete)}{Action("UPDATE", onUpdate)} NOT VALID;");

    /// <summary>
    /// <c>CHECK (expression) NOT VALID</c>: new and changed rows are checked at once, the rows already there are not
    /// read, so the ACCESS EXCLUSIVE lock it takes lasts an instant. Check them later with
    /// <see cref="ValidateConstraint"/>, in another migration. The expression is SQL, written as it is. Down:
    /// <see cref="DropConstraint"/>.
    /// </summary>
    public static void AddCheckNotValid(this IExecuteExpressionRoot execute, string table, string name, string expression)
        => execute.Sql($"ALTER TABLE {Sql.QuoteIdentifier(table)} ADD CONSTRAINT {Sql.QuoteIdentifier(name)} CHECK ({expression}) NOT VALID;");

    /// <summary>
    /// <c>VALIDATE CONSTRAINT</c>: reads every row against a constraint added <c>NOT VALID</c>, under a SHARE UPDATE
    /// EXCLUSIVE lock, which lets readers and writers work (a foreign key's referenced table gets ROW SHARE). Put it in
    /// a migration after the one that added the constraint: in the same transaction, the add's lock would be held for
    /// the whole scan. A row that breaks the constraint fails it, and the constraint stays NOT VALID. Down:
    /// <see cref="UnvalidateConstraint"/>.
    /// </summary>
    public static void ValidateConstraint(this IExecuteExpressionRoot execute, string table, string name)
        => execute.Sql($"ALTER TABLE {Sql.QuoteIdentifier(table)} VALIDATE CONSTRAINT {Sql.QuoteIdentifier(name)};");

    /// <summary>
    /// The Down of <see cref="ValidateConstraint"/>: the constraint as it was before, <c>NOT VALID</c> (dropped and added
    /// again from its own definition, in one <c>ALTER TABLE</c>; nothing is read). PostgreSQL has no statement that
    /// forgets a validation, and leaving the constraint validated would leave a catalog the migration did not start from.
    /// </summary>
    public static void UnvalidateConstraint(this IExecuteExpressionRoot execute, string table, string name)
        => execute.Sql($"""
            DO $unvalidate$
            DECLARE definition text;
            BEGIN
              SELECT pg_get_constraintdef(oid) INTO STRICT definition FROM pg_constraint
               WHERE conrelid = {Sql.QuoteLiteral(Sql.QuoteIdentifier(table))}::regclass AND conname = {Sql.QuoteLiteral(name)};
              EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I, ADD CONSTRAINT %I %s NOT VALID', {Sql.QuoteLiteral(table)}, {Sql.QuoteLiteral(name)}, {Sql.QuoteLiteral(name)}, definition);
            END
            $unvalidate$;
            """);

    /// <summary><c>ALTER TABLE ... DROP CONSTRAINT</c>: the Down of <see cref="AddForeignKeyNotValid"/> and <see cref="AddCheckNotValid"/>.</summary>
    public static void DropConstraint(this IExecuteExpressionRoot execute, string table, string name)
        => execute.Sql($"ALTER TABLE {Sql.QuoteIdentifier(table)} DROP CONSTRAINT {Sql.QuoteIdentifier(name)};");

    /// <summary>
    /// <c>SET NOT NULL</c> without reading the table under an exclusive lock, in four statements: a check
    /// <c>&lt;table&gt;_&lt;column&gt;_not_null_check</c> (not PostgreSQL 18's own name for the NOT NULL constraint,
    /// <c>_not_null</c>) added <c>NOT VALID</c> (an instant of ACCESS EXCLUSIVE), validated (a
    /// scan under SHARE UPDATE EXCLUSIVE: writers go on), <c>SET NOT NULL</c> (an instant of ACCESS EXCLUSIVE: PostgreSQL
    /// 12 and later see that the validated check proves it and skip the scan), and the check dropped. Only a migration
    /// declared <c>TransactionBehavior.None</c> commits each statement as it runs; in a transaction, the first
    /// statement's lock would be held through the scan, and writers would wait as long as for a plain
    /// <c>SET NOT NULL</c>. A row still NULL fails the validation; running it again starts over (the first statement
    /// drops a check left by a failed run). Down: <see cref="DropNotNull"/>.
    /// </summary>
    public static void SetNotNullOnline(this IExecuteExpressionRoot execute, string table, string column)
    {
        var t = Sql.QuoteIdentifier(table);
        var check = Sql.QuoteIdentifier($"{table}_{column}_not_null_check");
        var c = Sql.QuoteIdentifier(column);
        execute.Sql($"ALTER TABLE {t} DROP CONSTRAINT IF EXISTS {check}, ADD CONSTRAINT {check} CHECK ({c} IS NOT NULL) NOT VALID;");
        execute.Sql($"ALTER TABLE {t} VALIDATE CONSTRAINT {check};");
        execute.Sql($"ALTER TABLE {t} ALTER COLUMN {c} SET NOT NULL;");
        execute.Sql($"ALTER TABLE {t} DROP CONSTRAINT {check};");
    }

    /// <summary><c>ALTER COLUMN ... DROP NOT NULL</c>, which reads nothing: the Down of <see cref="SetNotNullOnline"/>.</summary>
    public static void DropNotNull(this IExecuteExpressionRoot execute, string table, string column)
        => execute.Sql($"ALTER TABLE {Sql.QuoteIdentifier(table)} ALTER COLUMN {Sql.QuoteIdentifier(column)} DROP NOT NULL;");

    /// <summary>
    /// An <c>UPDATE table SET set</c> of the rows <paramref name="whereNotDone"/> selects, <paramref name="batchSize"/>
    /// rows at a time, each batch committed before the next (and <paramref name="pause"/> between them, to leave the
    /// server to the application): no row is locked for longer than its batch, and the table is never locked against
    /// writers. It runs as one <c>DO</c> block that commits, so only in a migration declared
    /// <c>TransactionBehavior.None</c>. After each batch PostgreSQL reports the rows updated so far, which the runner
    /// shows. <paramref name="set"/> must fill what <paramref name="whereNotDone"/> looks for (<c>fee = amount * 0.001</c>
    /// with <c>fee IS NULL</c>): a batch whose rows still match stops the backfill, which would otherwise never end.
    /// Stopped midway (cancelled, killed, a failed batch), it keeps the batches it committed, and running it again fills
    /// only the rows still to fill. Both clauses are SQL over the table's columns, written as they are.
    /// </summary>
    public static void BackfillInBatches(this IExecuteExpressionRoot execute, string table, string set, string whereNotDone, int batchSize = 1000, TimeSpan? pause = null)
        => execute.Sql(Backfill(table, set, whereNotDone, batchSize, pause ?? TimeSpan.Zero));

    private static void CreateIndex(IExecuteExpressionRoot execute, bool unique, string name, string table, string[] columns)
    {
        if (columns.Length == 0)
        {
            throw new ArgumentException("An index needs at least one column.", nameof(columns));
        }

        WithoutLockTimeout(execute, () =>
        {
            DropIndex(execute, name);
            execute.Sql($"CREATE {(unique ? "UNIQUE " : "")}INDEX CONCURRENTLY {Sql.QuoteIdentifier(name)} ON {Sql.QuoteIdentifier(table)} ({string.Join(", ", columns.Select(Sql.QuoteIdentifier))});");
        });
    }

    private static void DropIndex(IExecuteExpressionRoot execute, string name)
        => execute.Sql($"DROP INDEX CONCURRENTLY IF EXISTS {Sql.QuoteIdentifier(name)};");

    /// <summary>
    /// Statements whose waits block nobody, run with no lock_timeout: outside a transaction a SET lasts for the session,
    /// so RESET gives it back the value the session started with (the runner's). A statement that fails ends the run.
    /// </summary>
    private static void WithoutLockTimeout(IExecuteExpressionRoot execute, Action statements)
    {
        execute.Sql("SET lock_timeout = 0;");
        statements();
        execute.Sql("RESET lock_timeout;");
    }

    private static string Action(string on, Rule rule) => rule switch
    {
        Rule.None => "",
        Rule.Cascade => $" ON {on} CASCADE",
        Rule.SetNull => $" ON {on} SET NULL",
        Rule.SetDefault => $" ON {on} SET DEFAULT",
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "Not a foreign key rule."),
    };

    private static string Backfill(string table, string set, string whereNotDone, int batchSize, TimeSpan pause)
    {
        if (batchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "A batch holds at least one row.");
        }

        if (pause < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(pause), pause, "The pause between batches cannot be negative.");
        }

        var t = Sql.QuoteIdentifier(table);
        var sleep = pause > TimeSpan.Zero
            ? $"{Environment.NewLine}    PERFORM pg_sleep({pause.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)});"
            : "";
        // The rows of a batch are found by ctid and locked (FOR UPDATE waits for a writer holding one, never skips it);
        // the predicate is repeated in the UPDATE, so a row a writer changed meanwhile, or one with the same ctid in
        // another partition, is filled only if it still needs it. A column named like a variable (batch, total) is the column.
        return $"""
            DO $backfill$
            #variable_conflict use_column
            DECLARE
              batch bigint;
              unfilled bigint;
              total bigint := 0;
            BEGIN
              LOOP
                WITH filled AS (
                  UPDATE {t} SET {set}
                   WHERE ({whereNotDone})
                     AND ctid = ANY (ARRAY(SELECT ctid FROM {t} WHERE ({whereNotDone}) LIMIT {batchSize} FOR UPDATE))
                  RETURNING ({whereNotDone}) AS still
                )
                SELECT count(*), count(*) FILTER (WHERE still) INTO batch, unfilled FROM filled;
                IF unfilled > 0 THEN
                  RAISE EXCEPTION 'Backfill of %: % row(s) of a batch still match "%" after "SET %", so it would never end.', {Sql.QuoteLiteral(table)}, unfilled, {Sql.QuoteLiteral(whereNotDone)}, {Sql.QuoteLiteral(set)}
                    USING HINT = 'Make the SET clause fill what the WHERE clause looks for.';
                END IF;
                EXIT WHEN batch = 0;
                total := total + batch;
                COMMIT;
                RAISE NOTICE '%: % rows updated so far', {Sql.QuoteLiteral(table)}, total;{sleep}
              END LOOP;
              RAISE NOTICE '%: done, % rows updated', {Sql.QuoteLiteral(table)}, total;
            END
            $backfill$;
            """;
    }
}
