using System.Text.RegularExpressions;

namespace Nexgent.Schema.Runner.Safety;

/// <summary>
/// A column's type as SQL writes it (<c>varchar(50)</c>, <c>timestamptz(3)</c>, <c>decimal(30,18)</c>) or as
/// PostgreSQL's <c>format_type</c> shows it (<c>character varying(50)</c>, <c>timestamp(3) with time zone</c>), reduced
/// to one spelling, so that the change from one to another can be judged.
/// </summary>
internal sealed partial record ColumnType(string Name, IReadOnlyList<int> Modifiers, bool IsArray)
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["int"] = "integer", ["int4"] = "integer", ["int2"] = "smallint", ["int8"] = "bigint",
        ["decimal"] = "numeric", ["varchar"] = "character varying", ["char"] = "character", ["bpchar"] = "character",
        ["bool"] = "boolean", ["float4"] = "real", ["float8"] = "double precision", ["float"] = "double precision",
        ["timestamptz"] = "timestamp with time zone", ["timestamp"] = "timestamp without time zone",
        ["timetz"] = "time with time zone", ["time"] = "time without time zone",
    };

    /// <summary>How many integer digits each integer type can hold.</summary>
    private static readonly Dictionary<string, int> IntegerDigits = new() { ["smallint"] = 5, ["integer"] = 10, ["bigint"] = 19 };

    public static ColumnType Parse(string type)
    {
        var match = Shape().Match(type.Trim());
        var name = Regex.Replace(match.Groups["name"].Value + match.Groups["suffix"].Value, @"\s+", " ").Trim();
        name = SqlNames.Unquote(name);
        var modifiers = match.Groups["modifiers"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(int.Parse).ToList();
        return new ColumnType(Aliases.GetValueOrDefault(name, name), modifiers, match.Groups["array"].Success);
    }

    /// <summary>
    /// Whether changing a column from <paramref name="current"/> to <paramref name="next"/> keeps every value as it is:
    /// the same type, a longer varchar, a numeric with as many integer digits and decimals or more, a larger integer.
    /// </summary>
    public static bool KeepsEveryValue(string current, string next)
    {
        var (from, to) = (Parse(current), Parse(next));
        if (from.IsArray != to.IsArray)
        {
            return false;
        }

        if (from.Name == to.Name)
        {
            return from.Modifiers.SequenceEqual(to.Modifiers) || from.Name switch
            {
                "character varying" or "character" => to.Modifiers.Count == 0 || (from.Modifiers.Count > 0 && to.Modifiers[0] >= from.Modifiers[0]),
                "numeric" => to.Modifiers.Count == 0 || (from.Modifiers.Count > 0 && NumericFits(from.Modifiers, to.Modifiers)),
                _ when from.Name.StartsWith("time") => Precision(to) >= Precision(from),
                _ => false,
            };
        }

        return (from.Name, to.Name) switch
        {
            ("character varying", "text") => true,
            ("text", "character varying") => to.Modifiers.Count == 0,
            ("real", "double precision") => true,
            _ when IntegerDigits.TryGetValue(from.Name, out var digits) => IntegerDigits.TryGetValue(to.Name, out var room)
                ? room >= digits
                : to.Name == "numeric" && (to.Modifiers.Count == 0 || NumericFits([digits, 0], to.Modifiers)),
            _ => false,
        };
    }

    /// <summary>numeric(p,s) into numeric(p',s'): no fewer decimals, and no fewer integer digits.</summary>
    private static bool NumericFits(IReadOnlyList<int> from, IReadOnlyList<int> to)
    {
        var (scale, newScale) = (from.ElementAtOrDefault(1), to.ElementAtOrDefault(1));
        return newScale >= scale && to[0] - newScale >= from[0] - scale;
    }

    /// <summary>The fractional digits of a time or timestamp: 6 unless given.</summary>
    private static int Precision(ColumnType type) => type.Modifiers.Count > 0 ? type.Modifiers[0] : 6;

    [GeneratedRegex(@"^(?<name>""(?:[^""]|"""")+""|[^(\[]+?)\s*(?:\((?<modifiers>[\d,\s]*)\))?(?<suffix>[^\[()]*?)\s*(?<array>\[\])?$")]
    private static partial Regex Shape();
}
