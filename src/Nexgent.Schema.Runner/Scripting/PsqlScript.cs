using System.Globalization;
using System.Text;
using FluentMigrator;
using Nexgent.Schema.Runner.Baselining;
using Nexgent.Schema.Runner.Journal;

namespace Nexgent.Schema.Runner.Scripting;

/// <summary>
/// The text of a script, for psql: a header saying how to run it and what it does; the session as the runner's (stop at
/// the first error, the runner's search path); the migration lock, then lock_timeout; the checks the runner makes
/// before it runs anything (not dirty, at the expected version, no schema without versions); the schema and the
/// bookkeeping tables, created when missing; each migration as the runner runs it; the lock released.
/// </summary>
internal sealed class PsqlScript(
    ScriptPlan plan,
    bool idempotent,
    DatabaseConnection database,
    VersionTable versionTable,
    VersionJournal journal,
    VersionTableCreation versionTableCreation)
{
    /// <summary>How often the script tries the migration lock while another runner holds it, as the runner does.</summary>
    private const string LockPoll = "0.25";

    private readonly StringBuilder text = new();

    private bool Up => plan.Direction == MigrationDirection.Up;

    /// <summary>The schema as messages name it: quoted, as SQL would.</summary>
    private string Schema => $"schema {Identifier.Quote(database.Schema)}";

    private long LockKey => MigrationLock.KeyFor(database.Schema);

    private long StepKey => MigrationLock.StepKeyFor(database.Schema);

    public string Write(IReadOnlyList<ScriptedMigration> migrations)
    {
        Header(migrations);
        Session();
        TakeMigrationLock();
        CheckDatabase();
        CreateSchema();
        CreateBookkeeping();
        foreach (var migration in migrations)
        {
            Migration(migration);
        }

        ReleaseMigrationLock();
        return text.ToString();
    }

    private void Header(IReadOnlyList<ScriptedMigration> migrations)
    {
        var what = Up ? $"{migrations.Count} migration(s) up" : $"the rollback of {migrations.Count} migration(s)";
        Comment($"dotnet fm script: {what} on {Schema}, from version {plan.From} to version {plan.To}{(idempotent ? ", idempotent" : "")}.");
        foreach (var migration in migrations)
        {
            Comment($"    {migration.Step.Version} {migration.Step.Description}{(migration.Transactional ? "" : " (outside a transaction)")}");
        }

        Line("--");
        Comment("For psql only (it uses psql's \\set, \\if and \\gset; psql 10 or later). Run it as it is, on the database:");
        Comment("    psql -v ON_ERROR_STOP=1 -f THIS_FILE \"postgresql://user@host:5432/database\"");
        Comment("and not with --single-transaction (-1): each migration commits on its own, as dotnet fm commits it, and a");
        Comment("migration declared TransactionBehavior.None cannot run in a transaction. Connect to PostgreSQL itself, not through");
        Comment("a pooler in transaction mode: the migration lock belongs to the session.");
        Line("--");
        if (idempotent)
        {
            Comment($"Idempotent: each migration runs only when the version table says it is {(Up ? "not applied" : "applied")}, read under the");
            Comment("migration lock: run again, the script changes nothing; on a database partway, it runs only the rest.");
        }
        else
        {
            Comment($"It expects the database at version {plan.From}, and stops, having changed nothing, when it is at another.");
        }

        Comment("As dotnet fm does, it holds the migration lock (an advisory lock on the schema) to its end, so runners wait for it,");
        Comment($"sets lock_timeout ({Seconds(plan.LockTimeout)} s), and runs each migration in a transaction of its own with its version row");
        Comment(Up
            ? $"({versionTable.QualifiedName}) and its journal row ({journal.Table}: 'applied', and the checksum validate verifies)."
            : $"({versionTable.QualifiedName}, deleted) and its journal row ({journal.Table}: 'rolledback').");
        Comment("A migration declared TransactionBehavior.None runs its statements on their own, its journal row 'running' before");
        Comment("them: when one fails, the row stays 'running', and `dotnet fm status` shows the database dirty until a person");
        Comment("repairs it and records how it ended with `dotnet fm resolve`.");
        Line();
    }

    /// <summary>
    /// The session as the runner's: lock_timeout is a default of the runner's sessions (a connection option), so that a
    /// migration that lifts it (<c>SET lock_timeout = 0</c> around CREATE INDEX CONCURRENTLY) gets it back with
    /// <c>RESET lock_timeout</c>. A session gets defaults only as it connects: the script connects again, to the same
    /// database with the same parameters, and this option.
    /// </summary>
    private void Session()
    {
        var lockTimeout = $"{(long)plan.LockTimeout.TotalMilliseconds}ms";
        Line("\\set ON_ERROR_STOP on");
        Line("\\set AUTOCOMMIT on");
        Comment($"lock_timeout ({lockTimeout}) as the default of the session, as dotnet fm's sessions have it, so that a migration that");
        Comment("lifts it and RESETs it gets it back. A session takes defaults only as it connects: this connects again, to the");
        Comment("same database with the same parameters, and this option (in place of any PGOPTIONS).");
        Line($"\\connect -reuse-previous=on 'options=''-c lock_timeout={lockTimeout}'''");
        Comment($"Unqualified names land where dotnet fm puts them: its search path, {database.SessionSearchPath}.");
        Line($"SELECT pg_catalog.set_config('search_path', {Psql.Literal(database.SessionSearchPath)}, false) AS fm_search_path \\gset");
        Line();
    }

    /// <summary>
    /// The runner's lock, tried rather than waited for: a statement waiting for it would hold a snapshot, which another
    /// runner's CREATE INDEX CONCURRENTLY, holding the lock, would wait for in turn. Each try is committed, which lets go
    /// of the snapshot of the one before.
    /// </summary>
    private void TakeMigrationLock()
    {
        Comment("The migration lock, which every dotnet fm runner takes on this schema, held to the end of the script. Tried every");
        Comment($"{LockPoll} s for up to {Seconds(plan.LockWait)} s (never waited for, which lock_timeout would cut short), each try committed:");
        Comment("a wait holding a snapshot would stall another runner's CREATE INDEX CONCURRENTLY, which waits for older snapshots.");
        var timedOut = $"Another runner has held the migration lock on {Schema} for more than {Seconds(plan.LockWait)} s; nothing was changed: run the script again once it has finished.";
        Line(Psql.Do($"""
            DECLARE
              give_up timestamptz := clock_timestamp() + interval '{Seconds(plan.LockWait)} seconds';
            BEGIN
              WHILE NOT pg_catalog.pg_try_advisory_lock({LockKey}) LOOP
                IF clock_timestamp() >= give_up THEN
                  RAISE EXCEPTION USING MESSAGE = {Psql.Literal(timedOut)};
                END IF;
                COMMIT;
                PERFORM pg_catalog.pg_sleep({LockPoll});
              END LOOP;
            END
            """));
        Line();
    }

    /// <summary>What the runner checks before it runs anything, under the lock: no dirty state, the expected version, no tables without versions.</summary>
    private void CheckDatabase()
    {
        var body = new StringBuilder();
        body.AppendLine($"""
            DECLARE
              at bigint := 0;
              dirty bigint;
              beyond bigint;
            BEGIN
              IF pg_catalog.to_regclass({Psql.Literal(journal.Table)}) IS NOT NULL THEN
                SELECT min("Version") INTO dirty FROM {journal.Table} WHERE "State" IN ({Psql.Literal(VersionJournal.StateName(JournalState.Running))}, {Psql.Literal(VersionJournal.StateName(JournalState.Failed))});
                IF dirty IS NOT NULL THEN
                  RAISE EXCEPTION USING MESSAGE = {Dirty()};
                END IF;
              END IF;
              IF pg_catalog.to_regclass({Psql.Literal(versionTable.QualifiedName)}) IS NOT NULL THEN
                SELECT coalesce(max({Identifier.Quote(versionTable.ColumnName)}), 0) INTO at FROM {versionTable.QualifiedName};
              END IF;
            """);
        if (!idempotent)
        {
            body.AppendLine($"""
                  IF at <> {plan.From} THEN
                    RAISE EXCEPTION USING MESSAGE = {AtAnotherVersion()};
                  END IF;
                """);
        }

        if (!Up && idempotent)
        {
            body.AppendLine($"""
                  IF pg_catalog.to_regclass({Psql.Literal(versionTable.QualifiedName)}) IS NOT NULL THEN
                    SELECT min({Identifier.Quote(versionTable.ColumnName)}) INTO beyond FROM {versionTable.QualifiedName}
                     WHERE {Identifier.Quote(versionTable.ColumnName)} > {plan.To}{NotAmongThisScripts()};
                    IF beyond IS NOT NULL THEN
                      RAISE EXCEPTION USING MESSAGE = {Beyond()};
                    END IF;
                  END IF;
                """);
        }

        if (Up)
        {
            body.AppendLine($"""
                  IF at = 0 AND {HoldsTables()} THEN
                    IF pg_catalog.to_regclass({Psql.Literal(Identifier.Qualified(database.Schema, PrismaMigrationsTable.Name))}) IS NOT NULL THEN
                      RAISE EXCEPTION USING MESSAGE = {Psql.Literal($"The {Schema} was migrated by Prisma and records no FluentMigrator version; nothing was changed: baseline it first (dotnet fm baseline --from-prisma), then write the script from the version it records.")};
                    END IF;
                    RAISE EXCEPTION USING MESSAGE = {Psql.Literal($"The {Schema} already holds tables but records no migration; nothing was changed: if they are the schema at some version, record it first (dotnet fm baseline --version V), then write the script from that version.")};
                  END IF;
                """);
        }

        body.Append("END");
        Comment(idempotent
            ? "The database must not be dirty (a migration outside a transaction left unfinished)."
            : $"The database must be at version {plan.From}, the version this script starts from, and not dirty (a migration outside a transaction left unfinished).");
        Line(Psql.Do(body.ToString()));
        Line();
    }

    private string Dirty()
        => $"'Migration ' || dirty || {Psql.Literal($" cannot run in a transaction and did not finish, so part of it may be in {Schema}; nothing was changed: repair it by hand, record how it ended (dotnet fm resolve --rolled-back ")} || dirty || {Psql.Literal(", or --applied), then run the script again.")}";

    /// <summary>
    /// An idempotent rollback rolls back what is applied above its end, as <c>rollback</c> does, and refuses as it does
    /// when that includes a version it cannot roll back: one its assemblies lack (a newer release's), or one above its
    /// start. Rolling back beneath it would leave a version recorded whose schema stands on what was dropped.
    /// </summary>
    private string NotAmongThisScripts()
        => plan.Migrations.Count == 0 ? "" : $" AND {Identifier.Quote(versionTable.ColumnName)} NOT IN ({string.Join(", ", plan.Migrations.Select(m => m.Version.ToString(CultureInfo.InvariantCulture)))})";

    private string Beyond()
        => $"{Psql.Literal("The database records version ")} || beyond || {Psql.Literal($" as applied, which this script does not roll back (its assemblies lack it, or it is above the script's start, {plan.From}); nothing was changed: write the script from the assemblies that hold every applied version.")}";

    private string AtAnotherVersion()
    {
        var script = Up ? $"takes {Schema} from version {plan.From} to {plan.To}" : $"rolls {Schema} back from version {plan.From} to {plan.To}";
        return $"{Psql.Literal($"This script {script}, but the database is at version ")} || at || {Psql.Literal("; nothing was changed: write a script from the version it is at (dotnet fm script --from ")} || at || {Psql.Literal("), or an idempotent one (--idempotent).")}";
    }

    /// <summary>Whether the schema holds a table or an enum type of its own, bookkeeping tables and extensions' objects aside, as the runner reads it.</summary>
    private string HoldsTables()
    {
        var schema = Psql.Literal(database.Schema);
        var bookkeeping = string.Join(", ", BookkeepingTables.Names(versionTable.TableName).Select(Psql.Literal));
        return $"""
            (EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                          WHERE n.nspname = {schema} AND c.relkind IN ('r', 'p') AND c.relname NOT IN ({bookkeeping})
                            AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e'))
                   OR EXISTS (SELECT 1 FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
                          WHERE n.nspname = {schema} AND t.typtype = 'e'
                            AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')))
            """;
    }

    /// <summary>
    /// The schema, created when missing, asked first as the runner asks (CREATE SCHEMA IF NOT EXISTS needs the CREATE
    /// privilege on the database even when the schema exists).
    /// </summary>
    private void CreateSchema()
    {
        Comment($"The {Schema}, created when missing, as dotnet fm creates it.");
        Line(Psql.Do($"""
            BEGIN
              IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = {Psql.Literal(database.Schema)}) THEN
                CREATE SCHEMA {Identifier.Quote(database.Schema)};
              END IF;
            END
            """));
        Line();
    }

    /// <summary>FluentMigrator's version table, each part in a transaction of its own as its version loader creates it; then the journal.</summary>
    private void CreateBookkeeping()
    {
        var table = Psql.Literal(versionTable.QualifiedName);
        string ColumnMissing(string column)
            => $"NOT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = pg_catalog.to_regclass({table}) AND attname = {Psql.Literal(column)} AND NOT attisdropped)";

        Comment("FluentMigrator's version table, each part created when missing, as FluentMigrator's version loader creates it.");
        Line($"SELECT pg_catalog.to_regclass({table}) IS NULL AS fm_version_table_missing,");
        Line($"       {ColumnMissing(versionTable.AppliedOnColumnName)} AS fm_version_applied_on_missing,");
        Line($"       {ColumnMissing(versionTable.DescriptionColumnName)} AS fm_version_description_missing \\gset");
        CreateWhen("fm_version_table_missing", versionTableCreation.Table);
        CreateWhen("fm_version_applied_on_missing", versionTableCreation.UniqueIndexAndAppliedOn);
        CreateWhen("fm_version_description_missing", versionTableCreation.Description);
        Comment("dotnet fm's journal: each migration's state, and the checksum of its SQL.");
        Statement(journal.CreateTableSql);
    }

    private void CreateWhen(string missing, IReadOnlyList<string> statements)
    {
        Line($"\\if :{missing}");
        Line("BEGIN;");
        foreach (var statement in statements)
        {
            Statement(statement);
        }

        Line("COMMIT;");
        Line("\\endif");
    }

    /// <summary>
    /// One migration as the runner runs it: the step lock, then (idempotent) the version table read under it; the
    /// statements, the version row and the journal row, committed together; or, outside a transaction, each on its own
    /// after the journal row 'running', the step lock held by the session until the end.
    /// </summary>
    private void Migration(ScriptedMigration migration)
    {
        var step = migration.Step;
        Line();
        Comment($"{step}: {(migration.Transactional ? "in a transaction of its own" : "outside a transaction (TransactionBehavior.None), each statement on its own")}.");
        foreach (var loss in step.DataLoss)
        {
            Comment($"Loses data: {loss}");
        }

        Line(Psql.Echo($"{step}"));
        if (migration.Transactional)
        {
            Line("BEGIN;");
        }

        TakeStepLock(step, migration.Transactional);
        if (idempotent)
        {
            Guard(step);
        }

        if (migration.JournalBefore is { } running)
        {
            Statement(running);
        }

        foreach (var statement in migration.Statements)
        {
            Statement(statement);
        }

        Statement(migration.VersionRow);
        Statement(migration.JournalAfter);
        if (idempotent)
        {
            Line("\\endif");
        }

        if (migration.Transactional)
        {
            Line("COMMIT;");
        }
        else
        {
            Line(Psql.Do($"BEGIN\n  PERFORM pg_catalog.pg_advisory_unlock({StepKey});\nEND"));
        }
    }

    /// <summary>
    /// The lock each migration of the runner takes: in its transaction, or for the session outside one. The script holds
    /// the migration lock, so only a runner that lost its own could hold it: the script stops rather than wait.
    /// </summary>
    private void TakeStepLock(MigrationStep step, bool transactional)
    {
        var held = $"Another runner is running a migration on {Schema}, though this script holds the migration lock (that runner lost its own); nothing of {step} ran: once it has finished, check dotnet fm status and write a script from the version it shows.";
        Line(Psql.Do($"""
            BEGIN
              IF NOT pg_catalog.{(transactional ? "pg_try_advisory_xact_lock" : "pg_try_advisory_lock")}({StepKey}) THEN
                RAISE EXCEPTION USING MESSAGE = {Psql.Literal(held)};
              END IF;
            END
            """));
    }

    /// <summary>The idempotent script's guard: the version table, read under the locks, says whether the step is still to run.</summary>
    private void Guard(MigrationStep step)
    {
        var recorded = $"EXISTS (SELECT 1 FROM {versionTable.QualifiedName} WHERE {Identifier.Quote(versionTable.ColumnName)} = {step.Version})";
        Line($"SELECT {(Up ? "" : "NOT ")}{recorded} AS fm_done \\gset");
        Line("\\if :fm_done");
        Line(Psql.Echo($"{step}: already {(Up ? "applied" : "rolled back")}, skipped."));
        Line("\\else");
    }

    private void ReleaseMigrationLock()
    {
        Line();
        Comment("The end: the migration lock is released (it would be with the session too).");
        Line(Psql.Do($"BEGIN\n  PERFORM pg_catalog.pg_advisory_unlock({LockKey});\nEND"));
        Line(Psql.Echo($"dotnet fm script: done, {Schema} {(Up ? "migrated up" : "rolled back")} to version {plan.To}."));
    }

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>A statement, ended for psql; none for an expression that generates no SQL (FluentMigrator sends none either).</summary>
    private void Statement(string sql)
    {
        if (!string.IsNullOrWhiteSpace(sql))
        {
            Line(Psql.Terminated(sql));
        }
    }

    private void Comment(string comment) => Line(Psql.Comment(comment));

    private void Line(string line = "") => text.Append(line).Append('\n');
}
