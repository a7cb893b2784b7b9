using System.Security.Cryptography;
using System.Text;
using FluentMigrator;
using FluentMigrator.Expressions;
using FluentMigrator.Infrastructure;
using FluentMigrator.Runner.Generators;

namespace Nexgent.Schema.Runner.Journal;

/// <summary>
/// The SHA-256 of the SQL a migration generates, Up and Down, so that a change to an applied migration's code is
/// noticed (Flyway's <c>validate</c>). What the code computes as it runs rather than writes (the time of the run, a new
/// Guid: see <see cref="RunTimeValues"/>) is masked, so that only a change to the code changes it. A migration with no
/// Down (<see cref="MigrationExpressions.WhyNoDown"/>) is hashed with its Up alone.
/// </summary>
internal sealed class MigrationChecksum(MigrationExpressions expressions, IGeneratorAccessor generators)
{
    public string Compute(IMigrationInfo migration)
    {
        var text = RunTimeValues.Mask(Text(migration.Migration), Text(migration.Migration), RunTimeValues.ReadsTheClock(migration.Migration.GetType()));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>The SQL the migration generates in one direction, statement by statement, as the checksum reads it.</summary>
    public string Sql(IMigrationInfo migration, MigrationDirection direction)
        => string.Join('\n', expressions.Of(migration.Migration, direction).Select(Generate));

    /// <summary>One build of the migration, as hashed (the same text as before run-time values were masked, where it has none).</summary>
    private string Text(IMigration migration)
    {
        var sql = new StringBuilder();
        foreach (var direction in new[] { MigrationDirection.Up, MigrationDirection.Down })
        {
            sql.Append("-- ").AppendLine(direction.ToString());
            if (direction == MigrationDirection.Down && expressions.WhyNoDown(migration) is not null)
            {
                sql.AppendLine("-- (none)");
                continue;
            }

            foreach (var expression in expressions.Of(migration, direction))
            {
                sql.AppendLine(Generate(expression));
            }
        }

        return sql.ToString();
    }

    private string Generate(IMigrationExpression expression) => ExpressionSql.Generate(expression, generators.Generator);
}
