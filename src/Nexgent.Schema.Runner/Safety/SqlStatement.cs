using System.Text.RegularExpressions;

namespace Nexgent.Schema.Runner.Safety;

/// <summary>
/// One statement of a SQL text: <see cref="Text"/> as written, and <see cref="Code"/>, the same characters with
/// comments, the contents of string literals and dollar-quote tags blanked, so that patterns only ever match code.
/// </summary>
internal sealed partial record SqlStatement(string Text, string Code)
{
    /// <summary>The statement on one line, cut at 80 characters, for a message.</summary>
    public string Excerpt
    {
        get
        {
            var flat = Whitespace().Replace(Text, " ").Trim();
            return flat.Length <= 80 ? flat : flat[..77] + "...";
        }
    }

    /// <summary>
    /// Splits <paramref name="sql"/> at its semicolons, those inside literals and comments excepted. The body of a
    /// dollar-quoted block (<c>DO $$ ... $$</c>, a function) is read as code, so its statements come out one by one;
    /// with <paramref name="bodiesWhole"/>, it is part of its statement (blanked in <see cref="Code"/>), as the server runs it.
    /// </summary>
    public static IReadOnlyList<SqlStatement> Split(string sql, bool bodiesWhole = false)
    {
        var code = sql.ToCharArray();
        var ends = new List<int>();
        var openTags = new Stack<string>();
        var i = 0;
        while (i < sql.Length)
        {
            var next = i + 1 < sql.Length ? sql[i + 1] : '\0';
            switch (sql[i])
            {
                case '\'':
                    i = BlankLiteral(sql, code, i, backslashEscapes: i > 0 && sql[i - 1] is 'E' or 'e' && (i < 2 || !IsWordChar(sql[i - 2])));
                    break;
                case '"':
                    i = EndOfQuotedIdentifier(sql, i);
                    break;
                case '-' when next == '-':
                    i = Blank(code, i, sql.IndexOf('\n', i) is var eol and >= 0 ? eol : sql.Length);
                    break;
                case '/' when next == '*':
                    i = Blank(code, i, EndOfBlockComment(sql, i));
                    break;
                case '$' when bodiesWhole && (i == 0 || !IsWordChar(sql[i - 1])) && DollarTag().Match(sql, i) is { Success: true } body:
                    var close = sql.IndexOf(body.Value, i + body.Length, StringComparison.Ordinal);
                    i = Blank(code, i, close < 0 ? sql.Length : close + body.Length);
                    break;
                case '$' when (i == 0 || !IsWordChar(sql[i - 1])) && DollarTag().Match(sql, i) is { Success: true } tag:
                    if (openTags.TryPeek(out var open) && open == tag.Value)
                    {
                        openTags.Pop();
                    }
                    else
                    {
                        openTags.Push(tag.Value);
                    }

                    i = Blank(code, i, i + tag.Length);
                    break;
                case ';':
                    ends.Add(i);
                    i++;
                    break;
                default:
                    i++;
                    break;
            }
        }

        ends.Add(sql.Length);
        var statements = new List<SqlStatement>();
        var start = 0;
        foreach (var end in ends)
        {
            var statement = new SqlStatement(sql[start..end], new string(code, start, end - start));
            if (!string.IsNullOrWhiteSpace(statement.Code))
            {
                statements.Add(statement);
            }

            start = Math.Min(end + 1, sql.Length);
        }

        return statements;
    }

    /// <summary>Blanks what is between the quotes of the literal starting at <paramref name="start"/>; returns the index after it.</summary>
    private static int BlankLiteral(string sql, char[] code, int start, bool backslashEscapes)
    {
        var i = start + 1;
        while (i < sql.Length)
        {
            if (backslashEscapes && sql[i] == '\\' && i + 1 < sql.Length)
            {
                code[i] = code[i + 1] = ' ';
                i += 2;
            }
            else if (sql[i] == '\'' && i + 1 < sql.Length && sql[i + 1] == '\'')
            {
                code[i] = code[i + 1] = ' ';
                i += 2;
            }
            else if (sql[i] == '\'')
            {
                return i + 1;
            }
            else
            {
                code[i++] = ' ';
            }
        }

        return i;
    }

    private static int EndOfQuotedIdentifier(string sql, int start)
    {
        var i = start + 1;
        while (i < sql.Length)
        {
            if (sql[i] == '"' && i + 1 < sql.Length && sql[i + 1] == '"')
            {
                i += 2;
            }
            else if (sql[i++] == '"')
            {
                break;
            }
        }

        return i;
    }

    /// <summary>Block comments nest in PostgreSQL.</summary>
    private static int EndOfBlockComment(string sql, int start)
    {
        var depth = 0;
        var i = start;
        while (i < sql.Length)
        {
            if (sql[i] == '/' && i + 1 < sql.Length && sql[i + 1] == '*')
            {
                depth++;
                i += 2;
            }
            else if (sql[i] == '*' && i + 1 < sql.Length && sql[i + 1] == '/')
            {
                i += 2;
                if (--depth == 0)
                {
                    break;
                }
            }
            else
            {
                i++;
            }
        }

        return i;
    }

    private static int Blank(char[] code, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (code[i] is not '\n')
            {
                code[i] = ' ';
            }
        }

        return end;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '$';

    [GeneratedRegex(@"\G\$(?:[A-Za-z_][A-Za-z0-9_]*)?\$")]
    private static partial Regex DollarTag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
