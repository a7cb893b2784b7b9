namespace Nexgent.Schema.Runner.Safety;

/// <summary>Reading SQL code outside parentheses and brackets: the commas between a statement's items, the keyword that ends a clause.</summary>
internal static class TopLevel
{
    public static IReadOnlyList<string> Split(string code, char separator)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < code.Length; i++)
        {
            depth += Depth(code[i]);
            if (depth == 0 && code[i] == separator)
            {
                parts.Add(code[start..i]);
                start = i + 1;
            }
        }

        parts.Add(code[start..]);
        return parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim()).ToList();
    }

    /// <summary><paramref name="code"/> up to the first of <paramref name="keywords"/> outside parentheses.</summary>
    public static string Before(string code, params string[] keywords)
    {
        var depth = 0;
        for (var i = 0; i < code.Length; i++)
        {
            depth += Depth(code[i]);
            if (depth == 0 && (i == 0 || !IsWordChar(code[i - 1]))
                && keywords.FirstOrDefault(k => string.Compare(code, i, k, 0, k.Length, StringComparison.OrdinalIgnoreCase) == 0) is { } keyword
                && (i + keyword.Length == code.Length || !IsWordChar(code[i + keyword.Length])))
            {
                return code[..i];
            }
        }

        return code;
    }

    private static int Depth(char c) => c switch
    {
        '(' or '[' => 1,
        ')' or ']' => -1,
        _ => 0,
    };

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '$';
}
