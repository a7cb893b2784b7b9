using System.Text;

namespace Nexgent.Schema.Runner;

/// <summary>
/// A statement on one line of an error message, its whitespace collapsed and, when long, cut around the place
/// PostgreSQL points at; under it, a caret at that place and its line and column in the statement as written.
/// </summary>
internal static class StatementExcerpt
{
    private const int Width = 160;
    private const string Ellipsis = "...";
    private const int LabelWidth = 11; // "statement: ", the longest label

    /// <param name="label">What the statement is: "statement", or "query" for one PostgreSQL ran inside it.</param>
    /// <param name="sql">The statement's text.</param>
    /// <param name="position">PostgreSQL's position: the 1-based character of <paramref name="sql"/> it points at; 0 for none.</param>
    public static IEnumerable<string> Lines(string label, string sql, int position)
    {
        var index = position - 1;
        var (line, mark) = Cut(Collapse(sql, index));
        yield return $"{label}:".PadRight(LabelWidth) + line;
        if (mark is { } column)
        {
            yield return "position:".PadRight(LabelWidth) + new string(' ', column) + "^ " + LineAndColumn(sql, index);
        }
    }

    /// <summary>The statement with each run of whitespace made one space, and where the character at <paramref name="index"/> went.</summary>
    private static (string Line, int? Mark) Collapse(string sql, int index)
    {
        var line = new StringBuilder();
        int? mark = null;
        var space = false;
        for (var i = 0; i < sql.Length; i++)
        {
            if (char.IsWhiteSpace(sql[i]))
            {
                space = line.Length > 0;
                continue;
            }

            if (space)
            {
                line.Append(' ');
                space = false;
            }

            if (index >= 0 && i >= index && mark is null)
            {
                mark = line.Length;
            }

            line.Append(sql[i]);
        }

        // A position past the last character (an unfinished statement) points at its end.
        return (line.ToString(), index >= 0 ? mark ?? line.Length : null);
    }

    /// <summary>At most <see cref="Width"/> characters, keeping the marked place in view about a third in.</summary>
    private static (string Line, int? Mark) Cut((string Line, int? Mark) collapsed)
    {
        var (line, mark) = collapsed;
        if (line.Length <= Width)
        {
            return (line, mark);
        }

        if (mark is not { } at || at < Width - Ellipsis.Length)
        {
            return (line[..(Width - Ellipsis.Length)] + Ellipsis, mark);
        }

        var start = at - Width / 3;
        if (line.Length - start <= Width - Ellipsis.Length)
        {
            start = line.Length - (Width - Ellipsis.Length);
            return (Ellipsis + line[start..], at - start + Ellipsis.Length);
        }

        return (Ellipsis + line[start..(start + Width - 2 * Ellipsis.Length)] + Ellipsis, at - start + Ellipsis.Length);
    }

    private static string LineAndColumn(string sql, int index)
    {
        var before = sql[..Math.Min(index, sql.Length)];
        var lineStart = before.LastIndexOf('\n') + 1;
        return $"line {before.Count(c => c == '\n') + 1}, column {index - lineStart + 1}";
    }
}
