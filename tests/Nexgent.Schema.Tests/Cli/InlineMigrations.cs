using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Cli;

/// <summary>
/// A migration assembly written in a test: C# compiled with Roslyn against the framework and FluentMigrator into
/// <c>&lt;name&gt;.dll</c> in a folder of its own, for dotnet fm's -a.
/// </summary>
public static class InlineMigrations
{
    private static readonly Lazy<MetadataReference[]> References = new(() =>
    {
        var runtime = Path.GetFullPath(RuntimeEnvironment.GetRuntimeDirectory()).TrimEnd(Path.DirectorySeparatorChar);
        var framework = ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => Path.GetFullPath(Path.GetDirectoryName(path)!) == runtime);
        var fluentMigrator = new[] { "FluentMigrator", "FluentMigrator.Abstractions" }
            .Select(name => Path.Combine(TestContext.CurrentContext.TestDirectory, name + ".dll"));
        return [.. framework.Concat(fluentMigrator).Select(path => MetadataReference.CreateFromFile(path))];
    });

    /// <summary>The path of the compiled assembly; <paramref name="code"/> gets <c>using FluentMigrator;</c>.</summary>
    public static string Compile(string name, string code)
    {
        var tree = CSharpSyntaxTree.ParseText("using System;\nusing FluentMigrator;\n" + code);
        var compilation = CSharpCompilation.Create(name, [tree], References.Value, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var path = Path.Combine(Directory.CreateTempSubdirectory("nexgent-inline-migrations-").FullName, name + ".dll");
        var result = compilation.Emit(path);
        Assert.That(result.Success, Is.True, string.Join('\n', result.Diagnostics));
        return path;
    }
}
