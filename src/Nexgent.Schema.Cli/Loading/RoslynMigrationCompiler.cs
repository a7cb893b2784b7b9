using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Nexgent.Schema.Runner;
using Nexgent.Schema.Runner.Generation;

namespace Nexgent.Schema.Cli.Loading;

/// <summary>
/// Compiles a generated migration in this process, against the assemblies the tool runs migrations with (the
/// framework, FluentMigrator, the building blocks), as strictly as the project compiles (nullable, warnings as errors),
/// and loads it beside them: a second of Roslyn instead of building a copy of the project for each class.
/// </summary>
internal sealed class RoslynMigrationCompiler : IMigrationCompiler
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        [.. ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))]);

    private static readonly CSharpCompilationOptions Options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
        .WithNullableContextOptions(NullableContextOptions.Enable)
        .WithGeneralDiagnosticOption(ReportDiagnostic.Error)
        .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
        {
            // Assembly version unification between the framework's reference assemblies: not the class's doing.
            ["CS1701"] = ReportDiagnostic.Suppress,
            ["CS1702"] = ReportDiagnostic.Suppress,
        });

    public Assembly Compile(string source, string assemblyName)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest));
        // A process may compile the same class twice (a test, an import proving on top of earlier classes): names stay unique.
        var compilation = CSharpCompilation.Create($"{assemblyName}_{Guid.NewGuid():N}", [tree], References.Value, Options);
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        if (!result.Success)
        {
            var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
            throw new GenerationNotProvenException("The generated migration does not compile, so it was not written; this is a bug of the generator:", errors, source);
        }

        image.Position = 0;
        return AssemblyLoadContext.Default.LoadFromStream(image);
    }
}
