using System.Reflection;
using FluentMigrator.Runner.Initialization;

namespace Nexgent.Schema.Runner;

/// <summary>The migration assemblies, as FluentMigrator's maintenance loader asks for them, and the types they export.</summary>
internal sealed class MigrationAssemblySource(IEnumerable<Assembly> assemblies) : IAssemblySource
{
    public IReadOnlyCollection<Assembly> Assemblies { get; } = [.. assemblies.Distinct()];

    /// <summary>Every public type of the assemblies; those of an assembly whose references are missing that still load.</summary>
    public IEnumerable<Type> ExportedTypes => Assemblies.SelectMany(ExportedTypesOf);

    private static IEnumerable<Type> ExportedTypesOf(Assembly assembly)
    {
        try
        {
            return assembly.GetExportedTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return e.Types.OfType<Type>();
        }
    }
}
