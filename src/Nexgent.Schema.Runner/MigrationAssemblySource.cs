using System.Reflection;
using FluentMigrator.Runner.Initialization;

namespace Nexgent.Schema.Runner;

/// <summary>The migration assemblies, as FluentMigrator's maintenance loader asks for them.</summary>
internal sealed class MigrationAssemblySource(IEnumerable<Assembly> assemblies) : IAssemblySource
{
    public IReadOnlyCollection<Assembly> Assemblies { get; } = [.. assemblies];
}
