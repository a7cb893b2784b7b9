using System.Globalization;
using System.Text.RegularExpressions;

namespace Nexgent.Schema.Runner.Generation;

/// <summary>
/// A column in the fluent API: its type as this project's building blocks spell it (<c>.AsGuid()</c>,
/// <c>.AsNumeric(20, 8)</c>, <c>.AsEnum("TransactionType")</c>...), its nullability and its default. A type or default
/// with no building block is written as PostgreSQL prints it (<c>.AsCustom(...)</c>, <c>.WithDefaultSql(...)</c>),
/// which makes the same column.
/// </summary>
internal static partial class ColumnSyntax
{
    public static string Of(ColumnModel column, IReadOnlySet<string> enums)
        => $"{Type(column, enums)}.{(column.NotNull ? "NotNullable()" : "Nullable()")}{Default(column.Default)}";

    public static string Type(ColumnModel column, IReadOnlySet<string> enums)
    {
        if (column.Serial)
        {
            return column.Type switch
            {
                "integer" => ".AsSerial()",
                "bigint" => ".AsCustom(\"BIGSERIAL\")",
                _ => ".AsCustom(\"SMALLSERIAL\")",
            };
        }

        if (column.Identity is "a" or "d")
        {
            return $".AsCustom({CSharp.String($"{column.Type} GENERATED {(column.Identity == "a" ? "ALWAYS" : "BY DEFAULT")} AS IDENTITY")})";
        }

        if (column.Generated is { } expression)
        {
            return $".AsCustom({CSharp.String($"{column.Type} GENERATED ALWAYS AS ({expression}) STORED")})";
        }

        return TypeOnly(column.Type, enums);
    }

    /// <summary>The type alone, as <c>Alter.Column</c> takes it too.</summary>
    public static string TypeOnly(string type, IReadOnlySet<string> enums)
    {
        switch (type)
        {
            case "uuid": return ".AsGuid()";
            case "text": return ".AsText()";
            case "integer": return ".AsInt32()";
            case "bigint": return ".AsInt64()";
            case "smallint": return ".AsInt16()";
            case "boolean": return ".AsBoolean()";
            case "jsonb": return ".AsJsonb()";
            case "text[]": return ".AsTextArray()";
            case "date": return ".AsDate()";
            case "double precision": return ".AsDouble()";
            case "real": return ".AsFloat()";
            case "bytea": return ".AsBinary()";
            case "timestamp with time zone": return ".AsTimestampTz()";
            case "timestamp without time zone": return ".AsDateTime()";
        }

        if (Modified().Match(type) is { Success: true } modified)
        {
            var values = modified.Groups["values"].Value.Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToList();
            switch (modified.Groups["name"].Value, modified.Groups["rest"].Value, values.Count)
            {
                case ("character varying", "", 1): return $".AsString({values[0]})";
                case ("character", "", 1): return $".AsFixedLengthString({values[0]})";
                case ("numeric", "", 2): return $".AsNumeric({values[0]}, {values[1]})";
                case ("timestamp", " with time zone", 1): return $".AsTimestampTz(precision: {values[0]})";
            }
        }

        var bare = type.StartsWith('"') && type.EndsWith('"') ? type[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : type;
        return enums.Contains(bare) ? $".AsEnum({CSharp.String(bare)})" : $".AsCustom({CSharp.String(type)})";
    }

    /// <summary>The default as PostgreSQL prints it, in the building block that writes it back the same.</summary>
    public static string Default(string? expression)
    {
        if (expression is null)
        {
            return "";
        }

        switch (expression)
        {
            case "CURRENT_TIMESTAMP": return ".WithDefaultCurrentTimestamp()";
            case "ARRAY[]::text[]": return ".WithDefaultEmptyArray()";
            case "'{}'::text[]": return ".WithDefaultEmptyArrayLiteral()";
            case "true": return ".WithDefaultValue(true)";
            case "false": return ".WithDefaultValue(false)";
        }

        if (Integer().IsMatch(expression) && int.TryParse(expression, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return $".WithDefaultValue({number})";
        }

        if (StringLiteral().Match(expression) is { Success: true } literal && !literal.Groups["type"].Value.EndsWith("[]", StringComparison.Ordinal))
        {
            return $".WithDefaultValue({CSharp.String(literal.Groups["value"].Value.Replace("''", "'", StringComparison.Ordinal))})";
        }

        return $".WithDefaultSql({CSharp.String(expression)})";
    }

    [GeneratedRegex(@"^(?<name>[a-z ]+?)\((?<values>\d+(?:,\d+)?)\)(?<rest>.*)$")]
    private static partial Regex Modified();

    [GeneratedRegex(@"^\d{1,9}$")]
    private static partial Regex Integer();

    /// <summary>A string constant cast to the column's type, as PostgreSQL prints a quoted default: <c>'live'::character varying</c>.</summary>
    [GeneratedRegex(@"^'(?<value>(?:[^'\\]|'')*)'::(?<type>[^'():]+)$")]
    private static partial Regex StringLiteral();
}
