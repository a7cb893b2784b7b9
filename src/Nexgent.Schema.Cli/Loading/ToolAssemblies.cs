namespace Nexgent.Schema.Cli.Loading;

/// <summary>
/// The assemblies dotnet fm runs with: the tool's own (FluentMigrator, Npgsql, Nexgent.Schema.Postgres...) and the
/// framework's, which the host put on the trusted platform list.
/// </summary>
internal static class ToolAssemblies
{
    private static readonly string[] Paths =
        ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);

    private static readonly HashSet<string> Names = Paths
        .Select(Path.GetFileNameWithoutExtension)
        .OfType<string>()
        .ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether the tool or the framework ships an assembly of this simple name.</summary>
    public static bool Ships(string simpleName) => Names.Contains(simpleName);

    /// <summary>The tool's own assemblies, in its folder, without the framework's.</summary>
    public static IReadOnlyList<string> OwnFiles()
    {
        var folder = Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory);
        return Paths.Where(p => string.Equals(Path.GetDirectoryName(p), folder, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
    }
}
