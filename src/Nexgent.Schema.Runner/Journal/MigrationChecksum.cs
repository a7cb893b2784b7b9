using System.Security.Cryptography;
using System.Text;
using FluentMigrator;
using FluentMigrator.Expressions;
using FluentMigrator.Infrastructure;
using FluentMigrator.Runner.Generators;

namespace Nexgent.Schema.Runner.Journal;

/// <summary>
/// The SHA-256 of the SQL a migration generates, Up and Down, so that a change to an applied migration's
/// code is noticed (Flyway's <c>validate</c>).
/// </summary>
internal sealed class MigrationChecksum(MigrationExpressions expressions, IGeneratorAccessor generators)
{
    public string Compute(IMigrationInfo migration)
    {
        var sql = new StringBuilder();
        foreach (var direction in new[] { MigrationDirection.Up, MigrationDirection.Down })
        {
            sql.Append("-- ").AppendLine(direction.ToString());
            foreach (var expression in expressions.Of(migration.Migration, direction))
            {
                sql.AppendLine(Generate(expression));
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql.ToString())));
    }

    /// <summary>The SQL the migration generates in one direction, statement by statement, as the checksum reads it.</summary>
    public string Sql(IMigrationInfo migration, MigrationDirection direction)
        => string.Join('\n', expressions.Of(migration.Migration, direction).Select(Generate));

    /// <summary>Whether the migration's Down produces no expression at all.</summary>
    public bool DownIsEmpty(IMigrationInfo migration) => expressions.Of(migration.Migration, MigrationDirection.Down).Count == 0;

    private string Generate(IMigrationExpression expression)
    {
        var generator = generators.Generator;
        return expression switch
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
}
