using FluentMigrator;
using FluentMigrator.Expressions;
using FluentMigrator.Runner;
using FluentMigrator.Runner.Conventions;
using FluentMigrator.Runner.Generators;

namespace Nexgent.Schema.Runner.Safety;

/// <summary>
/// The SQL a migration generates, in order, as the run would send it: FluentMigrator's expressions generated for
/// PostgreSQL with the runner's conventions (its schema), and the SQL the migration executes as it is. Nothing is run.
/// </summary>
internal sealed class MigrationSql(MigrationExpressions expressions, IGeneratorAccessor generators, IConventionSet conventions)
{
    /// <summary>The SQL of the expressions that can change rows or columns (what the data-loss reading reads).</summary>
    public IReadOnlyList<string> Of(IMigration migration, MigrationDirection direction)
        => expressions.Of(migration, direction).Select(e => Generate(e.Apply(conventions), generators.Generator)).OfType<string>().ToList();

    /// <summary>
    /// Every statement the migration sends, expression by expression (what lint reads): indexes, keys and constraints
    /// included. Code run against the connection (<c>Execute.WithConnection</c>) has no SQL and is left out.
    /// </summary>
    public IReadOnlyList<GeneratedSql> All(IMigration migration, MigrationDirection direction)
        => expressions.Of(migration, direction)
            .Where(e => e is not PerformDBOperationExpression)
            .Select(e => e.Apply(conventions))
            .Select(e => new GeneratedSql(ExpressionSql.Generate(e, generators.Generator), e is ExecuteSqlStatementExpression, IndexTable(e)))
            .ToList();

    /// <summary>The SQL of <paramref name="expression"/>, or null for one that changes no table (an index, a key, a sequence...).</summary>
    internal static string? Generate(IMigrationExpression expression, IMigrationGenerator generator)
        => expression is ExecuteSqlStatementExpression or CreateTableExpression or DeleteTableExpression or RenameTableExpression
            or CreateColumnExpression or AlterColumnExpression or DeleteColumnExpression or RenameColumnExpression
            or InsertDataExpression or UpdateDataExpression or DeleteDataExpression
            ? ExpressionSql.Generate(expression, generator)
            : null;

    /// <summary>The table of an index FluentMigrator drops: its <c>DROP INDEX</c> names the index only.</summary>
    private static QualifiedName? IndexTable(IMigrationExpression expression)
        => expression is DeleteIndexExpression { Index: { TableName: { Length: > 0 } table } index }
            ? new QualifiedName(index.SchemaName ?? "", table)
            : null;
}

/// <summary>
/// One expression's SQL: <see cref="Raw"/> when the migration wrote it (<c>Execute.Sql</c>), and, for an index
/// FluentMigrator drops, the table it knows the index by (its schema empty when the expression gives none).
/// </summary>
internal sealed record GeneratedSql(string Sql, bool Raw, QualifiedName? IndexTable = null);
