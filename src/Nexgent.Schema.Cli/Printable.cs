using System.Text;

namespace Nexgent.Schema.Cli;

/// <summary>
/// Text from the database or a migration assembly (a description, PostgreSQL's message, a notice) as a terminal may
/// show it: its control characters written as <c>\x1b</c>, so that none sets the window's title or clears the screen.
/// <c>--json</c> escapes them itself.
/// </summary>
internal static class Printable
{
    /// <summary>One value on a line of its own making (a description): every control character escaped, line breaks too.</summary>
    public static string Field(string? text) => Escaped(text, keep: _ => false);

    /// <summary>A message of several lines: its line breaks and tabs kept, every other control character escaped.</summary>
    public static string Text(string? text) => Escaped(text, keep: c => c is '\n' or '\t');

    private static string Escaped(string? text, Func<char, bool> keep)
    {
        if (string.IsNullOrEmpty(text) || !text.Any(c => char.IsControl(c) && !keep(c)))
        {
            return text ?? "";
        }

        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            escaped.Append(char.IsControl(c) && !keep(c) ? $"\\x{(int)c:x2}" : c);
        }

        return escaped.ToString();
    }
}
