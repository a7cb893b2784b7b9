using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Nexgent.Schema.Cli.Loading;

namespace Nexgent.Schema.Cli.Bundling;

/// <summary>
/// The assemblies a bundle holds, the same that the tool runs the migrations with: the tool's own, the migration
/// assemblies, and what they reference that neither the tool nor the framework ships, taken from beside them.
/// </summary>
internal sealed record BundleContents(IReadOnlyList<string> Tool, IReadOnlyList<string> Migrations, IReadOnlyList<string> Dependencies)
{
    public static BundleContents For(IReadOnlyList<string> migrationAssemblies)
    {
        var migrations = migrationAssemblies.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).ToList();
        // A bundle loads its migration assemblies by name, and can hold only one of each.
        foreach (var same in migrations.GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            throw new CliException(
                $"Two migration assemblies are named {same.Key}: {string.Join(" and ", same.Select(p => $"'{p}'"))}; a bundle holds one assembly of a name, so give one of them, or merge them into one assembly.");
        }

        foreach (var assembly in migrations.Where(a => !File.Exists(a)))
        {
            throw new CliException($"The migration assembly '{assembly}' does not exist; check the path given with -a.");
        }

        var dependencies = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var root in migrations)
        {
            AddDependencies(root, root, migrations, dependencies);
        }

        return new BundleContents(ToolAssemblies.OwnFiles(), migrations, dependencies.Values.ToList());
    }

    /// <summary>The simple names of the migration assemblies, which the bundle loads at start.</summary>
    public IEnumerable<string> MigrationNames => Migrations.Select(Path.GetFileNameWithoutExtension).OfType<string>();

    public IEnumerable<string> All => Tool.Concat(Migrations).Concat(Dependencies);

    private static void AddDependencies(string root, string assembly, List<string> migrations, SortedDictionary<string, string> found)
    {
        foreach (var name in ReferencesOf(assembly))
        {
            if (ToolAssemblies.Ships(name) || found.ContainsKey(name) || migrations.Any(m => Path.GetFileNameWithoutExtension(m).Equals(name, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var beside = Path.Combine(Path.GetDirectoryName(root)!, name + ".dll");
            if (!File.Exists(beside))
            {
                throw new CliException(
                    $"{Path.GetFileName(root)} uses {name}.dll, which is neither beside it nor part of dotnet fm; copy it beside the assembly (for a project, <CopyLocalLockFileAssemblies>true</CopyLocalLockFileAssemblies>) and bundle again.");
            }

            found[name] = beside;
            AddDependencies(root, beside, migrations, found);
        }
    }

    private static IEnumerable<string> ReferencesOf(string assembly)
    {
        try
        {
            using var pe = new PEReader(File.OpenRead(assembly));
            if (!pe.HasMetadata)
            {
                throw new BadImageFormatException();
            }

            var metadata = pe.GetMetadataReader();
            return metadata.AssemblyReferences.Select(r => metadata.GetString(metadata.GetAssemblyReference(r).Name)).ToList();
        }
        catch (BadImageFormatException)
        {
            throw new CliException($"'{assembly}' is not a .NET assembly; give -a the .dll that holds your migrations.");
        }
    }
}
