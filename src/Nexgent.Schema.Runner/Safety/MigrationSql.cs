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
    internal static string? Generate(IMigrationExpression expression, IMigrationGenerator generator) => expression switch
    {
        ExecuteSqlStatementExpression e => e.SqlStatement,
        CreateTableExpression e => generator.Generate(e),
        DeleteTableExpression e => generator.Generate(e),
        RenameTableExpression e => generator.Generate(e),
        CreateColumnExpression e => generator.Generate(e),
        AlterColumnExpression e => generator.Generate(e),
        DeleteColumnExpression e => generator.Generate(e),
        RenameColumnExpression e => generator.Generate(e),
        InsertDataExpression e => generator.Generate(e),
        UpdateDataExpression e => generator.Generate(e),
        DeleteDataExpression e => generator.Generate(e),
        _ => null,
    };
}
