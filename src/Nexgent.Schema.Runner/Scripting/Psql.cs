namespace Nexgent.Schema.Runner.Scripting;

/// <summary>
/// How a script writes text psql reads safely: SQL string literals, <c>DO</c> blocks, psql's own <c>\echo</c>, comments,
/// and each statement ended for psql. Names are written by <see cref="Identifier"/>, the runner's one quoting helper.
/// </summary>
internal static class Psql
{
    /// <summary>
    /// A SQL string literal: quotes doubled; with a backslash, an escape string (<c>E'...'</c>) with the backslashes
    /// doubled, which means the same whether or not the server has standard_conforming_strings on.
    /// </summary>
    public static string Literal(string value)
    {
        var quoted = value.Replace("'", "''", StringComparison.Ordinal);
        return value.Contains('\\', StringComparison.Ordinal)
            ? $"E'{quoted.Replace("\\", "\\\\", StringComparison.Ordinal)}'"
            : $"'{quoted}'";
    }

    /// <summary>
    /// A <c>DO</c> block, its body between dollar quotes whose tag the body does not hold. psql substitutes no variable
    /// between dollar quotes.
    /// </summary>
    public static string Do(string body)
    {
        var tag = "$fm$";
        for (var n = 1; body.Contains(tag, StringComparison.Ordinal); n++)
        {
            tag = $"$fm{n}$";
        }

        return $"DO {tag}\n{body.TrimEnd()}\n{tag};";
    }

    /// <summary>
    /// psql's <c>\echo</c> of <paramref name="text"/>, single-quoted: psql then substitutes no variable and runs no
    /// backquoted command in it; within the quotes a quote is doubled and a backslash escaped.
    /// </summary>
    public static string Echo(string text)
        => $"\\echo '{OneLine(text).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal)}'";

    /// <summary>A SQL comment of one line: a description cannot end it early.</summary>
    public static string Comment(string text) => "-- " + OneLine(text);

    /// <summary>
    /// The statement ended with a semicolon, as psql needs to send it: on a line of its own when the last line may be a
    /// comment, which would swallow it.
    /// </summary>
    public static string Terminated(string statement)
    {
        var sql = statement.TrimEnd();
        if (sql.EndsWith(';'))
        {
            return sql;
        }

        var lastLine = sql[(sql.LastIndexOf('\n') + 1)..];
        return lastLine.Contains("--", StringComparison.Ordinal) ? sql + "\n;" : sql + ";";
    }

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
}
