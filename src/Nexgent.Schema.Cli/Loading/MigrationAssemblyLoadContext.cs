using System.Reflection;
using System.Runtime.Loader;

namespace Nexgent.Schema.Cli.Loading;

/// <summary>
/// Loads one migrations assembly on its own, with the dependencies beside it, so that the file named is the
/// code that runs, whatever the tool or another assembly holds under the same name. What the tool itself ships
/// (FluentMigrator, Nexgent.Schema.Postgres, the framework) is shared, so that the runner sees the migrations'
/// base classes and attributes as its own types.
/// </summary>
internal sealed class MigrationAssemblyLoadContext : AssemblyLoadContext
{
    private readonly AssemblyDependencyResolver resolver;

    private MigrationAssemblyLoadContext(string assemblyPath)
        : base($"migrations: {assemblyPath}")
    {
        resolver = new AssemblyDependencyResolver(assemblyPath);
    }

    public static Assembly Load(string assemblyPath) => new MigrationAssemblyLoadContext(assemblyPath).LoadFromAssemblyPath(assemblyPath);

    protected override Assembly? Load(AssemblyName name)
    {
        if (IsShippedWithTool(name))
        {
            return null;
        }

        return resolver.ResolveAssemblyToPath(name) is { } path ? LoadFromAssemblyPath(path) : null;
    }

    private static bool IsShippedWithTool(AssemblyName name) => name.Name is { } simple && ToolAssemblies.Ships(simple);
}
