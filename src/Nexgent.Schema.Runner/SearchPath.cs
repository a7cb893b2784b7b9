using System.Text;

namespace Nexgent.Schema.Runner;

/// <summary>
/// Reads a <c>search_path</c> as PostgreSQL does: names separated by commas, an unquoted one folded to lower case,
/// a quoted one taken as written (<c>""</c> standing for one double quote).
/// </summary>
internal static class SearchPath
{
    /// <summary>The first schema named, <c>$user</c> aside; null when none is; throws <see cref="FormatException"/> on an unclosed quote or a stray character.</summary>
    public static string? FirstSchema(string searchPath)
        => Names(searchPath).FirstOrDefault(name => name != "$user");

    /// <summary>The search path that names <paramref name="schema"/> alone.</summary>
    public static string Of(string schema) => Identifier.Quote(schema);

    private static List<string> Names(string searchPath)
    {
        var names = new List<string>();
        var at = 0;
        while (true)
        {
            at = SkipSpaces(searchPath, at);
            if (at == searchPath.Length)
            {
                return names;
            }

            var name = new StringBuilder();
            if (searchPath[at] == '"')
            {
                at = ReadQuoted(searchPath, at + 1, name);
            }
            else
            {
                while (at < searchPath.Length && searchPath[at] != ',' && !char.IsWhiteSpace(searchPath[at]))
                {
                    // PostgreSQL folds only ASCII letters of an unquoted name (downcase_identifier, in UTF-8).
                    name.Append(searchPath[at] is >= 'A' and <= 'Z' ? (char)(searchPath[at] + 32) : searchPath[at]);
                    at++;
                }

                if (name.Length == 0)
                {
                    throw NotAList();
                }
            }

            names.Add(name.ToString());
            at = SkipSpaces(searchPath, at);
            if (at == searchPath.Length)
            {
                return names;
            }

            if (searchPath[at] != ',')
            {
                throw NotAList();
            }

            at++;
        }
    }

    private static FormatException NotAList() => new("A search path holds schema names separated by commas.");

    private static int ReadQuoted(string text, int at, StringBuilder name)
    {
        while (at < text.Length)
        {
            if (text[at] != '"')
            {
                name.Append(text[at++]);
            }
            else if (at + 1 < text.Length && text[at + 1] == '"')
            {
                name.Append('"');
                at += 2;
            }
            else
            {
                return at + 1;
            }
        }

        throw new FormatException("A quoted schema name in the search path is not closed.");
    }

    private static int SkipSpaces(string text, int at)
    {
        while (at < text.Length && char.IsWhiteSpace(text[at]))
        {
            at++;
        }

        return at;
    }
}
