using System.Security.Cryptography;
using System.Text;
using FluentMigrator;
using FluentMigrator.Expressions;
using FluentMigrator.Infrastructure;
using FluentMigrator.Runner.Generators;
using Microsoft.CSharp.RuntimeBinder;

namespace Nexgent.Schema.Runner.Journal;

/// <summary>
/// The SHA-256 of the SQL a migration generates, Up and Down, so that a change to an applied migration's
/// code is noticed (Flyway's <c>validate</c>).
/// </summary>
public sealed class MigrationChecksum(MigrationExpressions expressions, IGeneratorAccessor generators)
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

    /// <summary>Whether the migration's Down produces no expression at all.</summary>
    public bool DownIsEmpty(IMigrationInfo migration) => expressions.Of(migration.Migration, MigrationDirection.Down).Count == 0;

    private string Generate(IMigrationExpression expression)
    {
        if (expression is ExecuteSqlStatementExpression sql)
        {
            return sql.SqlStatement;
        }

        try
        {
            // The generator has one Generate overload per expression type; let the runtime pick it.
            return (string)((dynamic)generators.Generator).Generate((dynamic)expression);
        }
        catch (RuntimeBinderException)
        {
            return expression.ToString() ?? expression.GetType().Name;
        }
    }
}
