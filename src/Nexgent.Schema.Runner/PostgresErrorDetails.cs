using Npgsql;

namespace Nexgent.Schema.Runner;

/// <summary>
/// What PostgreSQL says about an error beyond its one-line message, one labelled line each: its DETAIL (withheld
/// when it quotes rows, see <see cref="RowValues"/>), its HINT, and the statement with the place it points at.
/// </summary>
internal static class PostgresErrorDetails
{
    public static IReadOnlyList<string> Lines(PostgresException error, FailedStatement? statement, bool showRowValues)
    {
        var lines = new List<string>();
        if (!string.IsNullOrEmpty(error.Detail))
        {
            lines.Add("detail: " + (RowValues.AreQuotedBy(error) && !showRowValues ? RowValues.Withheld : error.Detail));
        }

        if (!string.IsNullOrEmpty(error.Hint))
        {
            lines.Add("hint: " + error.Hint);
        }

        var pointed = statement is { HoldsPosition: true } && error.Position > 0;
        if (statement is not null)
        {
            lines.AddRange(StatementExcerpt.Lines("statement", statement.Text, pointed ? error.Position : 0));
        }

        if (error.Position > 0 && !pointed)
        {
            lines.Add($"position: character {error.Position} of the statement that failed");
        }

        if (!string.IsNullOrEmpty(error.InternalQuery))
        {
            lines.AddRange(StatementExcerpt.Lines("query", error.InternalQuery, error.InternalPosition));
        }

        return lines;
    }
}
