using System.Globalization;
using System.Text;

namespace Nexgent.Schema.Runner.Generation;

/// <summary>Values written into C# source: string literals (raw ones for SQL on several lines) and numbers.</summary>
internal static class CSharp
{
    /// <summary>A string literal: <c>"..."</c> for one line, a raw literal indented by <paramref name="indent"/> for several.</summary>
    public static string String(string value, string indent = "")
    {
        if (!value.Contains('\n') && !value.Any(char.IsControl))
        {
            return "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
        }

        var quotes = new string('"', Math.Max(3, LongestRun(value, '"') + 1));
        var inner = indent + "    ";
        var lines = value.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n').Select(l => l.Length == 0 ? "" : inner + l.TrimEnd());
        return $"{quotes}\n{string.Join("\n", lines)}\n{inner}{quotes}";
    }

    public static string Strings(IEnumerable<string> values) => string.Join(", ", values.Select(v => String(v)));

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static int LongestRun(string value, char c)
    {
        var (longest, run) = (0, 0);
        foreach (var ch in value)
        {
            run = ch == c ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }

    /// <summary>Lines indented by <paramref name="indent"/> (a raw literal's own lines carry theirs already).</summary>
    public static string Indented(string code, string indent)
    {
        var builder = new StringBuilder();
        foreach (var line in code.Split('\n'))
        {
            builder.Append(line.Length == 0 ? "" : indent + line).Append('\n');
        }

        return builder.ToString();
    }
}
