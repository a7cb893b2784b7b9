using System.Text;
using System.Text.RegularExpressions;

namespace Nexgent.Schema.Runner;

/// <summary>
/// Hides passwords in text the runner did not write: what PostgreSQL, Npgsql, FluentMigrator or pg_dump said, and
/// the command line a person typed. The runner's own sentences never quote a password and are never passed through
/// it, so a password that is also a common word or the user name hides nothing of them.
/// </summary>
internal static partial class PasswordMask
{
    public const string Hidden = "*****";

    /// <summary>
    /// Every password written out in <paramref name="text"/>, known or not: the value of a <c>Password=</c> (or
    /// <c>Pwd=</c>, <c>SslPassword=</c>) keyword, quoted or not, and the password of a URL's user information.
    /// </summary>
    public static string Written(string text)
    {
        var masked = KeywordPassword().Replace(text, match => match.Groups["keyword"].Value + Hidden);
        return UrlPassword().Replace(masked, match => match.Groups["user"].Value + Hidden + "@");
    }

    /// <summary>
    /// <see cref="Written"/>, and <paramref name="password"/> wherever it stands as a whole word, as it is or
    /// percent-encoded; not inside a longer word (a password <c>postgres</c> leaves <c>postgresql://</c> alone) and
    /// not at all when it is the user name, which messages show.
    /// </summary>
    public static string Apply(string text, string? password, string? username)
    {
        if (!string.IsNullOrEmpty(password) && password != username)
        {
            foreach (var form in new[] { password, Uri.EscapeDataString(password) }.Distinct(StringComparer.Ordinal))
            {
                text = WholeWordsReplaced(text, form);
            }
        }

        return Written(text);
    }

    private static string WholeWordsReplaced(string text, string word)
    {
        var result = new StringBuilder(text.Length);
        var from = 0;
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            if (at < from || !StandsAlone(text, at, word))
            {
                continue;
            }

            result.Append(text, from, at - from).Append(Hidden);
            from = at + word.Length;
        }

        return result.Append(text, from, text.Length - from).ToString();
    }

    private static bool StandsAlone(string text, int at, string word)
    {
        var end = at + word.Length;
        var startsClean = at == 0 || !IsWordCharacter(word[0]) || !IsWordCharacter(text[at - 1]);
        var endsClean = end == text.Length || !IsWordCharacter(word[^1]) || !IsWordCharacter(text[end]);
        return startsClean && endsClean;
    }

    private static bool IsWordCharacter(char c) => char.IsLetterOrDigit(c) || c == '_';

    // A quoted value runs to its closing quote (doubled quotes inside); an unquoted one to the next semicolon or line end.
    [GeneratedRegex("""(?<keyword>\b(?:\w*password|pwd)\s*=\s*)(?:"(?:[^"]|"")*"?|'(?:[^']|'')*'?|[^;\r\n]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex KeywordPassword();

    // scheme://user:password@host, the password running to the last @ before a space (an unencoded @ may be part of it).
    [GeneratedRegex("""(?<user>\b[a-z][a-z0-9+.-]*://[^:/@\s]*:)\S*@""", RegexOptions.IgnoreCase)]
    private static partial Regex UrlPassword();
}
