using System.Reflection;
using Nexgent.Schema.Cli.Loading;

namespace Nexgent.Schema.Cli.Bundling;

/// <summary>
/// The entry point of a bundle made by <c>dotnet fm bundle</c>: dotnet fm's verbs, running the migrations compiled
/// into the same file. A bundle's generated <c>Program.cs</c> is one call to <see cref="RunAsync"/>.
/// </summary>
public static class BundleEntryPoint
{
    /// <summary>Runs dotnet fm's command line with <paramref name="migrationAssemblies"/> (simple names) as the migrations.</summary>
    public static Task<int> RunAsync(string[] args, params string[] migrationAssemblies)
    {
        var assemblies = migrationAssemblies.Select(name => Assembly.Load(new AssemblyName(name))).ToList();
        BundledMigrations.Use(assemblies);
        var root = BundleCommandLine.Build(assemblies);
        return FmCommandLine.RunAsync(args, root, root.Name);
    }
}
