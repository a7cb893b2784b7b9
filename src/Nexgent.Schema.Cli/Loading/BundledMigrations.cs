using System.Reflection;

namespace Nexgent.Schema.Cli.Loading;

/// <summary>
/// The migrations a bundle (<c>dotnet fm bundle</c>) carries inside it: a bundle runs these, and builds or loads no
/// other; in the tool itself there are none.
/// </summary>
internal static class BundledMigrations
{
    /// <summary>The bundled migration assemblies, or null outside a bundle.</summary>
    public static IReadOnlyList<Assembly>? Assemblies { get; private set; }

    /// <summary>Called once, by a bundle's entry point, before its command line runs.</summary>
    public static void Use(IReadOnlyList<Assembly> assemblies) => Assemblies = assemblies;
}
