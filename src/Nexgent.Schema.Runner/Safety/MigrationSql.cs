using FluentMigrator;
using FluentMigrator.Expressions;
using FluentMigrator.Runner;
using FluentMigrator.Runner.Conventions;
using FluentMigrator.Runner.Generators;

namespace Nexgent.Schema.Runner.Safety;

/// <summary>
/// The SQL of the expressions of a migration that can change rows or columns, in order, as the run would send it:
/// FluentMigrator's expressions generated for PostgreSQL with the runner's conventions (its schema), and the SQL the
/// migration executes as it is. Nothing is run.
/// </summary>
internal sealed class MigrationSql(MigrationExpressions expressions, IGeneratorAccessor generators, IConventionSet conventions)
{
    public IReadOnlyList<string> Of(IMigration migration, MigrationDirection direction)
        => expressions.Of(migration, direction).Select(e => Generate(e.Apply(conventions), generators.Generator)).OfType<string>().ToList();

    /// <summary>The SQL of <paramref name="expression"/>, or null for one that changes no table (an index, a key, a sequence...).</summary>
    internal static string? Generate(IMigrationExpression expression, IMigrationGenerator generator)
        => expression is ExecuteSqlStatementExpression or CreateTableExpression or DeleteTableExpression or RenameTableExpression
            or CreateColumnExpression or AlterColumnExpression or DeleteColumnExpression or RenameColumnExpression
            or InsertDataExpression or UpdateDataExpression or DeleteDataExpression
            ? ExpressionSql.Generate(expression, generator)
            : null;
}
