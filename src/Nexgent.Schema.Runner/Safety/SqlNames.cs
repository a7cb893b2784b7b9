using System.Text.RegularExpressions;

namespace Nexgent.Schema.Runner.Safety;

/// <summary>Identifiers as SQL writes them (quoted or not, qualified or not) and as the catalog stores them.</summary>
internal static partial class SqlNames
{
    /// <summary>One identifier: <c>"Mixed Case"</c> or <c>plain</c>.</summary>
    public const string IdentifierPattern = @"(?:""(?:[^""]|"""")+""|[A-Za-z_][\w$]*)";

    /// <summary>An identifier with an optional schema: <c>schema.name</c>.</summary>
    public const string Qualified = $@"{IdentifierPattern}(?:\s*\.\s*{IdentifierPattern})?";

    /// <summary>The catalog's spelling: a quoted identifier as written, an unquoted one folded to lower case.</summary>
    public static string Unquote(string identifier)
    {
        var trimmed = identifier.Trim();
        return trimmed.StartsWith('"') ? trimmed[1..^1].Replace("\"\"", "\"") : trimmed.ToLowerInvariant();
    }

    /// <summary><c>schema.name</c> or <c>name</c>, the latter in <paramref name="defaultSchema"/> (the search path the runner sets).</summary>
    public static QualifiedName Resolve(string qualified, string defaultSchema)
    {
        var parts = Parts().Matches(qualified).Select(m => Unquote(m.Value)).ToList();
        return parts.Count > 1 ? new QualifiedName(parts[^2], parts[^1]) : new QualifiedName(defaultSchema, parts[0]);
    }

    [GeneratedRegex(IdentifierPattern)]
    private static partial Regex Parts();
}
