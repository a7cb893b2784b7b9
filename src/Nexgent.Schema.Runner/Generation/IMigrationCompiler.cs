using System.Reflection;

namespace Nexgent.Schema.Runner.Generation;

/// <summary>
/// Compiles a generated migration class into an assembly that migrates like the project's own (same FluentMigrator,
/// same building blocks), so that it can be proven before it is written. Throws <see cref="SchemaRunnerException"/>
/// with the compiler's errors when the class does not compile.
/// </summary>
internal interface IMigrationCompiler
{
    Assembly Compile(string source, string assemblyName);
}

/// <summary>A generated class that did not prove: <see cref="GeneratedSource"/> is what was generated, for a person to look at.</summary>
internal sealed class GenerationNotProvenException(string sentence, IReadOnlyList<string> differences, string source)
    : SchemaRunnerException(sentence, differences, null)
{
    public string GeneratedSource { get; } = source;
}
