using System.Text;
using System.Text.RegularExpressions;

namespace Nexgent.Schema.Runner.Authoring;

/// <summary>
/// A migration's name in its two spellings: the snake_case description Prisma would give it
/// (<c>add_notifications</c>) and the PascalCase class name (<c>AddNotifications</c>).
/// </summary>
internal sealed partial record MigrationName(string Description, string ClassName)
{
    /// <summary>Accepts "add notifications", "add_notifications", "add-notifications" or "AddNotifications".</summary>
    public static MigrationName Parse(string name)
    {
        var words = Words().Matches(Boundaries().Replace(name.Trim(), "$1 $2"))
            .Select(m => m.Value.ToLowerInvariant())
            .ToList();
        if (words.Count == 0 || !char.IsLetter(words[0][0]))
        {
            throw new SchemaRunnerException(
                $"'{name}' is not a usable migration name; give words that say what changes, starting with a letter (for example add_notifications).");
        }

        var className = new StringBuilder();
        foreach (var word in words)
        {
            className.Append(char.ToUpperInvariant(word[0])).Append(word.AsSpan(1));
        }

        return new MigrationName(string.Join('_', words), className.ToString());
    }

    /// <summary>Whether a description and class name follow the convention (snake_case, and its PascalCase).</summary>
    public static bool IsConventional(string description, string className)
        => SnakeCase().IsMatch(description) && Parse(description).ClassName == className;

    [GeneratedRegex("([a-z0-9])([A-Z])")]
    private static partial Regex Boundaries();

    [GeneratedRegex("[A-Za-z0-9]+")]
    private static partial Regex Words();

    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$")]
    private static partial Regex SnakeCase();
}
