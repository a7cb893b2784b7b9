using FluentMigrator.Expressions;
using FluentMigrator;

namespace Nexgent.Schema.Runner;

/// <summary>The SQL FluentMigrator's PostgreSQL generator writes for one expression: what checksums and the data-loss reading read.</summary>
internal static class ExpressionSql
{
    public static string Generate(IMigrationExpression expression, IMigrationGenerator generator) => expression switch
    {
        ExecuteSqlStatementExpression e => e.SqlStatement,
        CreateSchemaExpression e => generator.Generate(e),
        DeleteSchemaExpression e => generator.Generate(e),
        AlterSchemaExpression e => generator.Generate(e),
        CreateTableExpression e => generator.Generate(e),
        AlterTableExpression e => generator.Generate(e),
        DeleteTableExpression e => generator.Generate(e),
        RenameTableExpression e => generator.Generate(e),
        CreateColumnExpression e => generator.Generate(e),
        AlterColumnExpression e => generator.Generate(e),
        DeleteColumnExpression e => generator.Generate(e),
        RenameColumnExpression e => generator.Generate(e),
        CreateForeignKeyExpression e => generator.Generate(e),
        DeleteForeignKeyExpression e => generator.Generate(e),
        CreateIndexExpression e => generator.Generate(e),
        DeleteIndexExpression e => generator.Generate(e),
        CreateConstraintExpression e => generator.Generate(e),
        DeleteConstraintExpression e => generator.Generate(e),
        AlterDefaultConstraintExpression e => generator.Generate(e),
        DeleteDefaultConstraintExpression e => generator.Generate(e),
        CreateSequenceExpression e => generator.Generate(e),
        DeleteSequenceExpression e => generator.Generate(e),
        InsertDataExpression e => generator.Generate(e),
        UpdateDataExpression e => generator.Generate(e),
        DeleteDataExpression e => generator.Generate(e),
        // Code run against the connection (PerformDBOperation) has no SQL; its type stands for it.
        _ => expression.ToString() ?? expression.GetType().Name,
    };
}
