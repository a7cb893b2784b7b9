using FluentMigrator;
using FluentMigrator.Expressions;
using FluentMigrator.Infrastructure;
using FluentMigrator.Model;
using FluentMigrator.Runner.Generators;
using FluentMigrator.Runner.Versioning;
using Nexgent.Schema.Runner.Journal;
using Nexgent.Schema.Runner.Safety;

namespace Nexgent.Schema.Runner.Scripting;

/// <summary>
/// Writes a range of migrations as one SQL script for psql, for a person who applies SQL by hand
/// (<c>psql -v ON_ERROR_STOP=1 -f FILE</c>), with what a run of the runner guarantees: its migration lock and step lock,
/// its lock_timeout, its schema and search path, one transaction per migration (a migration declared
/// <c>TransactionBehavior.None</c> outside one, between journal rows 'running' and 'applied'), FluentMigrator's version
/// rows and the runner's journal rows with the checksums <c>validate</c> verifies. Nothing connects: the SQL comes from
/// the migrations' code, as lint reads it (<see cref="MigrationSql.All"/>). Get one from a runner's scope
/// (<see cref="SchemaRunnerScope.Get{T}"/>), best made with <see cref="SchemaRunnerOptions.NoConnection"/>.
/// </summary>
public sealed class MigrationScripter
{
    private readonly SchemaRunner runner;
    private readonly MigrationSql sql;
    private readonly MigrationExpressions expressions;
    private readonly MigrationChecksum checksums;
    private readonly VersionTable versionTable;
    private readonly VersionJournal journal;
    private readonly IMigrationGenerator generator;

    internal MigrationScripter(
        SchemaRunner runner,
        MigrationSql sql,
        MigrationExpressions expressions,
        MigrationChecksum checksums,
        VersionTable versionTable,
        VersionJournal journal,
        IGeneratorAccessor generators)
    {
        this.runner = runner;
        this.sql = sql;
        this.expressions = expressions;
        this.checksums = checksums;
        this.versionTable = versionTable;
        this.journal = journal;
        generator = generators.Generator;
    }

    /// <summary>
    /// The script of the migrations between <paramref name="from"/>, the version the database is at, and
    /// <paramref name="to"/>: up, after <paramref name="from"/> (default 0, an empty database) up to
    /// <paramref name="to"/> included (default the latest); <paramref name="down"/>, the Down of each from
    /// <paramref name="from"/> (default the latest) back to <paramref name="to"/> (required; 0 for none), newest first,
    /// leaving the database where <c>rollback to</c> <paramref name="to"/> leaves it. Without
    /// <paramref name="idempotent"/>, the script stops before changing anything unless the database is at
    /// <paramref name="from"/>; with it, each migration runs only when the version table says it is still to run, so
    /// running the script twice changes nothing. Refused, with nothing written, when a migration has no SQL to write
    /// (code run against the connection: <c>Execute.WithConnection</c>) or a run would refuse it (see
    /// <see cref="SchemaRunner"/>).
    /// </summary>
    public MigrationScript Script(long? from = null, long? to = null, bool down = false, bool idempotent = false)
    {
        var direction = down ? MigrationDirection.Down : MigrationDirection.Up;
        var plan = runner.PlanScript(from, to, direction);
        var migrations = plan.Migrations.Zip(plan.Steps, (info, step) => Scripted(info, step)).ToList();
        runner.RefuseWhatScriptsCannotCarry(direction);
        var text = new PsqlScript(plan, idempotent, runner.Database, versionTable, journal, VersionTableCreation()).Write(migrations);
        return new MigrationScript(text, runner.Database.Schema, plan.From, plan.To, direction, idempotent, plan.Steps);
    }

    private ScriptedMigration Scripted(IMigrationInfo info, MigrationStep step)
    {
        var direction = step.Direction;
        RequireSql(info, direction);
        var statements = Built(info, () => sql.All(info.Migration, direction).Select(s => s.Sql).ToList());
        var transactional = info.TransactionBehavior == TransactionBehavior.Default;
        var running = transactional ? null : JournalRow(info.Version, JournalState.Running, checksum: null);
        return direction == MigrationDirection.Up
            ? new ScriptedMigration(step, transactional, statements, VersionRowInserted(info), running, JournalRow(info.Version, JournalState.Applied, Built(info, () => checksums.Compute(info))))
            : new ScriptedMigration(step, transactional, statements, VersionRowDeleted(info.Version), running, JournalRow(info.Version, JournalState.RolledBack, checksum: null));
    }

    /// <summary>Refuses a migration whose expressions in <paramref name="direction"/> include one that has no SQL to write.</summary>
    private void RequireSql(IMigrationInfo info, MigrationDirection direction)
    {
        var what = Built(info, () => expressions.Of(info.Migration, direction)).Select(WithoutSql).OfType<string>().FirstOrDefault();
        if (what is not null)
        {
            throw new SchemaRunnerException(
                $"Migration {info.Version} {info.Description} {what} in its {(direction == MigrationDirection.Up ? "Up" : "Down")}, which has no SQL a script can hold; apply it with the runner instead. Nothing was written.");
        }
    }

    /// <summary>What an expression does that no SQL stands for, or null when its SQL is what the runner sends.</summary>
    private static string? WithoutSql(IMigrationExpression expression) => expression switch
    {
        PerformDBOperationExpression => "runs code against the connection (Execute.WithConnection)",
        ExecuteSqlStatementExpression => null,
        ExecuteSqlScriptExpressionBase => "reads its SQL from a file as it runs (Execute.Script or Execute.EmbeddedScript)",
        _ when expression.GetType().Assembly != typeof(IMigrationExpression).Assembly => $"builds an expression of its own ({expression.GetType().Name})",
        _ => null,
    };

    /// <summary>
    /// What a migration's code builds; a migration that asks the database as it builds its expressions cannot be
    /// scripted with none, and one that fails to build is a failure naming it.
    /// </summary>
    private static T Built<T>(IMigrationInfo info, Func<T> build)
    {
        try
        {
            return build();
        }
        catch (NotImplementedException e)
        {
            throw new SchemaRunnerException(
                $"Migration {info.Version} {info.Description} asks the database while it builds its SQL ({e.Message.TrimEnd('.')}), so no script can hold it; apply it with the runner instead. Nothing was written.", e);
        }
        catch (Exception e) when (e is not SchemaRunnerException and not OutOfMemoryException)
        {
            throw new SchemaRunnerException($"The SQL of migration {info.Version} {info.Description} could not be built for the script: {e.Message.TrimEnd('.')}. Nothing was written.", e);
        }
    }

    /// <summary>The version row FluentMigrator's version loader inserts for a migration applied: the same expression, generated.</summary>
    private string VersionRowInserted(IMigrationInfo info)
    {
        var insert = new InsertDataExpression { SchemaName = versionTable.SchemaName, TableName = versionTable.TableName };
        insert.Rows.Add(new InsertionDataDefinition
        {
            new(versionTable.ColumnName, info.Version),
            new(versionTable.AppliedOnColumnName, RawSql.Insert(generator.Quoter.QuoteValue(SystemMethods.CurrentUTCDateTime))),
            new(versionTable.DescriptionColumnName, info.Description ?? info.Migration.GetType().Name),
        });
        return ExpressionSql.Generate(insert, generator);
    }

    /// <summary>The version row FluentMigrator's version loader deletes for a migration rolled back.</summary>
    private string VersionRowDeleted(long version)
    {
        var delete = new DeleteDataExpression { SchemaName = versionTable.SchemaName, TableName = versionTable.TableName };
        delete.Rows.Add(new DeletionDataDefinition { new(versionTable.ColumnName, version) });
        return ExpressionSql.Generate(delete, generator);
    }

    private string JournalRow(long version, JournalState state, string? checksum)
        => journal.UpsertSql(
            version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            checksum is null ? "NULL" : Psql.Literal(checksum),
            Psql.Literal(VersionJournal.StateName(state)),
            "NULL");

    /// <summary>
    /// FluentMigrator's version table as its version loader creates it, each part when missing: the table, then its
    /// unique index with the AppliedOn column, then the Description column; FluentMigrator's own migrations, generated.
    /// </summary>
    private VersionTableCreation VersionTableCreation() => new(
        Statements(new VersionMigration(versionTable)),
        Statements(new VersionUniqueMigration(versionTable)),
        Statements(new VersionDescriptionMigration(versionTable)));

    private IReadOnlyList<string> Statements(IMigration migration) => sql.All(migration, MigrationDirection.Up).Select(s => s.Sql).ToList();
}

/// <summary>The SQL of each of FluentMigrator's version-table migrations.</summary>
internal sealed record VersionTableCreation(IReadOnlyList<string> Table, IReadOnlyList<string> UniqueIndexAndAppliedOn, IReadOnlyList<string> Description);
