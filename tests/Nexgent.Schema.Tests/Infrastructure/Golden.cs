using NUnit.Framework;

namespace Nexgent.Schema.Tests.Infrastructure;

/// <summary>
/// Nexgent's reference facts, copied into Golden/: the normalized catalog after each of its
/// versions, and the query that prints it.
/// </summary>
public static class Golden
{
    public const long Empty = 0;

    /// <summary>The 18 versions of Nexgent's history, oldest first.</summary>
    public static IReadOnlyList<long> Versions { get; } = Directory
        .GetFiles(Path("catalog"), "*.txt")
        .Select(f => long.Parse(System.IO.Path.GetFileNameWithoutExtension(f)))
        .Where(v => v != Empty)
        .Order()
        .ToList();

    public static long Latest => Versions[^1];

    /// <summary>The version before <paramref name="version"/>, or 0 for the first.</summary>
    public static long Previous(long version)
    {
        var index = Versions.ToList().IndexOf(version);
        return index > 0 ? Versions[index - 1] : Empty;
    }

    public static List<string> CatalogAt(long version)
        => File.ReadAllLines(Path("catalog", $"{version:D14}.txt")).Where(l => l.Length > 0).ToList();

    public static string Path(params string[] parts)
        => System.IO.Path.Combine([TestContext.CurrentContext.TestDirectory, "Golden", .. parts]);
}
