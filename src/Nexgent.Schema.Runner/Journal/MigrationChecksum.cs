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
        => string.Join('\n', Statements(migration, direction));

    /// <summary>The SQL of each expression the migration builds in one direction, in order, as the checksum reads it.</summary>
    private IEnumerable<string> Statements(IMigrationInfo migration, MigrationDirection direction)
        => expressions.Of(migration.Migration, direction).Select(Generate);

    /// <summary>Whether the migration's Down produces no expression at all.</summary>
    public bool DownIsEmpty(IMigrationInfo migration) => expressions.Of(migration.Migration, MigrationDirection.Down).Count == 0;

    private string Generate(IMigrationExpression expression) => ExpressionSql.Generate(expression, generators.Generator);
}
