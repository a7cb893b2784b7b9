using System.Text.RegularExpressions;
using Nexgent.Schema.Runner.Safety;

namespace Nexgent.Schema.Runner.Lint;

/// <summary>
/// Whether <c>ALTER COLUMN ... TYPE</c> rewrites the table. PostgreSQL skips the rewrite when the old values are
/// valid as they are in the new type (binary-coercible, and a type modifier that only widens, which its length
/// coercion functions' planner support simplifies away): varchar(n) to varchar(m &gt;= n), unconstrained varchar or
/// text; text to unconstrained varchar; numeric(p,s) to numeric(p' &gt;= p, s) or unconstrained numeric (a new scale
/// changes every value); time, timetz, timestamp, timestamptz and interval to a precision as large or unconstrained;
/// bit varying to a larger length; cidr to inet. Anything else, and any USING expression but the column itself,
/// rewrites every row and rebuilds the table's indexes.
/// </summary>
internal static partial class TypeChange
{
    /// <summary>
    /// Why changing <paramref name="column"/> from <paramref name="current"/> (null when unknown) to
    /// <paramref name="next"/> rewrites the table, said of the column (<c>numeric(20,8) to numeric(30,18) changes the
    /// scale...</c>), or null when it does not.
    /// </summary>
    public static string? Rewrites(string column, string? current, string next, string? usingExpression)
    {
        if (usingExpression is not null && !IsTheColumn(usingExpression, column))
        {
            return "USING ... computes every value again: every row is rewritten and the table's indexes rebuilt";
        }

        if (current is null)
        {
            return $"its current type is unknown to lint, so TYPE {next} may rewrite every row (unless the change is binary-coercible)";
        }

        var (from, to) = (ColumnType.Parse(current), ColumnType.Parse(next));
        if (from.Name == to.Name && from.Modifiers.SequenceEqual(to.Modifiers) && from.IsArray == to.IsArray)
        {
            return null;
        }

        var change = $"{Spelled(from)} to {Spelled(to)}";
        if (from.IsArray || to.IsArray)
        {
            return $"{change} is not binary-coercible: every row is rewritten";
        }

        if (from.Name == to.Name)
        {
            return from.Name switch
            {
                "character varying" or "bit varying" => Widens(from, to) ? null : $"{change} shortens the limit: every row is rewritten",
                "numeric" => Numeric(change, from, to),
                "time without time zone" or "time with time zone" or "timestamp without time zone" or "timestamp with time zone" or "interval"
                    => Widens(from, to) ? null : $"{change} lowers the precision: every row is rewritten",
                _ => $"{change} is not binary-coercible: every row is rewritten",
            };
        }

        return (from.Name, to.Name) switch
        {
            ("character varying", "text") => null,
            ("text", "character varying") when to.Modifiers.Count == 0 => null,
            ("text", "character varying") => $"{change} checks every value's length: every row is rewritten",
            ("cidr", "inet") => null,
            ("timestamp without time zone", "timestamp with time zone") => $"{change} rewrites every row (unless the session's TimeZone is UTC, PostgreSQL 12+)",
            _ => $"{change} is not binary-coercible: every row is rewritten",
        };
    }

    /// <summary>numeric(p,s) keeps its values as they are into numeric(p' &gt;= p, s) and unconstrained numeric only.</summary>
    private static string? Numeric(string change, ColumnType from, ColumnType to)
    {
        if (to.Modifiers.Count == 0)
        {
            return null;
        }

        if (from.Modifiers.Count == 0)
        {
            return $"{change} bounds an unconstrained numeric: every row is rewritten";
        }

        var (scale, newScale) = (from.Modifiers.ElementAtOrDefault(1), to.Modifiers.ElementAtOrDefault(1));
        if (scale != newScale)
        {
            return $"{change} changes the scale, so every value is rewritten and the table's indexes rebuilt (only a larger precision with the same scale, or an unconstrained numeric, would not rewrite)";
        }

        return to.Modifiers[0] >= from.Modifiers[0] ? null : $"{change} lowers the precision: every row is rewritten";
    }

    /// <summary>A limit or precision as large or larger, or none (unconstrained), where the old one had one.</summary>
    private static bool Widens(ColumnType from, ColumnType to)
        => to.Modifiers.Count == 0 || (from.Modifiers.Count > 0 && to.Modifiers[0] >= from.Modifiers[0]);

    private static string Spelled(ColumnType type)
        => $"{type.Name}{(type.Modifiers.Count > 0 ? $"({string.Join(",", type.Modifiers)})" : "")}{(type.IsArray ? "[]" : "")}";

    private static bool IsTheColumn(string expression, string column)
        => SqlNames.Unquote(expression.Trim().Trim('(', ')').Trim()) == column && BareIdentifier().IsMatch(expression.Trim().Trim('(', ')').Trim());

    [GeneratedRegex($"^{SqlNames.IdentifierPattern}$")]
    private static partial Regex BareIdentifier();
}
