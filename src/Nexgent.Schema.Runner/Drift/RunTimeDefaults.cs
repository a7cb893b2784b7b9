using System.Text.RegularExpressions;
using FluentMigrator;
using FluentMigrator.Expressions;
using FluentMigrator.Model;
using Nexgent.Schema.Runner.Journal;

namespace Nexgent.Schema.Runner.Drift;

/// <summary>
/// Columns whose default a migration sets to a value its code computes as it runs (<c>WithDefaultValue(DateTime.Now)</c>,
/// a new Guid: see <see cref="RunTimeValues"/>): the shadow database gets the time it was built, the target the time it
/// was migrated, and neither is drift. Their defaults are compared with the literal left out (its type still counts).
/// </summary>
internal static partial class RunTimeDefaults
{
    /// <summary>The columns (<c>table.column</c>, as drift names them) whose default <paramref name="build"/>'s two builds of a migration's Up set at run time.</summary>
    public static IEnumerable<string> Of(IMigration migration, Func<IReadOnlyCollection<IMigrationExpression>> build)
    {
        var clock = RunTimeValues.ReadsTheClock(migration.GetType());
        foreach (var (first, second) in build().Zip(build()))
        {
            foreach (var (table, column, a, b) in Defaults(first, second))
            {
                if (!Equals(a, b) || (clock && a is DateTime or DateTimeOffset))
                {
                    yield return $"{table}.{column}";
                }
            }
        }
    }

    /// <summary>The facts, with the default literal of the columns named in <paramref name="columns"/> replaced by a mark.</summary>
    public static IReadOnlyList<CatalogFact> Masked(IReadOnlyList<CatalogFact> facts, IReadOnlySet<string> columns)
        => columns.Count == 0
            ? facts
            : facts.Select(f => f.Kind == FactKind.Column && columns.Contains(f.Name)
                ? f with { Definition = DefaultLiteral().Replace(f.Definition, $"'{RunTimeValues.TimeOfTheRun}'") }
                : f).ToList();

    private static IEnumerable<(string Table, string Column, object? First, object? Second)> Defaults(IMigrationExpression first, IMigrationExpression second)
        => (first, second) switch
        {
            (CreateTableExpression a, CreateTableExpression b) => a.Columns.Zip(b.Columns, (x, y) => Of(a.TableName, x, y)),
            (CreateColumnExpression a, CreateColumnExpression b) => [Of(a.TableName, a.Column, b.Column)],
            (AlterColumnExpression a, AlterColumnExpression b) => [Of(a.TableName, a.Column, b.Column)],
            (AlterDefaultConstraintExpression a, AlterDefaultConstraintExpression b) => [(a.TableName, a.ColumnName, a.DefaultValue, b.DefaultValue)],
            _ => [],
        };

    private static (string, string, object?, object?) Of(string table, ColumnDefinition first, ColumnDefinition second)
        => (table, first.Name, first.DefaultValue, second.DefaultValue);

    [GeneratedRegex("""(?<= default )'(?:[^']|'')*'""")]
    private static partial Regex DefaultLiteral();
}
