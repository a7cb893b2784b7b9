using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Compatibility;

/// <summary>
/// A plain FluentMigrator project of one feature: Fixtures/&lt;Feature&gt;.cs (copied beside the tests, not compiled into
/// them), compiled with Roslyn the first time a test asks for it, as strictly as a project (nullable, warnings as
/// errors), against the framework and FluentMigrator's assemblies alone, with the files of Fixtures/&lt;Feature&gt;/
/// embedded as resources. Written to a folder of the run as &lt;Feature&gt;.dll, so that FluentMigrator's runner and
/// dotnet fm load the same file.
/// </summary>
public static class FixtureAssembly
{
    private static readonly ConcurrentDictionary<string, Lazy<string>> Built = new();

    private static readonly Lazy<string> Folder = new(() => Directory.CreateTempSubdirectory("nexgent-compat-fixtures-").FullName);

    /// <summary>FluentMigrator's packages, which a FluentMigrator project references (Runner.Core for IVersionTableMetaData).</summary>
    private static readonly string[] FluentMigratorAssemblies = ["FluentMigrator", "FluentMigrator.Abstractions", "FluentMigrator.Runner.Core"];

    private static readonly Lazy<MetadataReference[]> References = new(() =>
    {
        var runtime = RuntimeEnvironment.GetRuntimeDirectory();
        var framework = ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => Path.GetFullPath(Path.GetDirectoryName(path)!) == Path.GetFullPath(runtime).TrimEnd(Path.DirectorySeparatorChar));
        var fluentMigrator = FluentMigratorAssemblies.Select(name => Path.Combine(TestContext.CurrentContext.TestDirectory, name + ".dll"));
        return [.. framework.Concat(fluentMigrator).Select(path => MetadataReference.CreateFromFile(path))];
    });

    private static readonly CSharpCompilationOptions Options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
        .WithNullableContextOptions(NullableContextOptions.Enable)
        .WithGeneralDiagnosticOption(ReportDiagnostic.Error)
        .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
        {
            ["CS1701"] = ReportDiagnostic.Suppress,
            ["CS1702"] = ReportDiagnostic.Suppress,
        });

    /// <summary>Where the fixtures' sources are, beside the tests.</summary>
    public static string Sources => Path.Combine(TestContext.CurrentContext.TestDirectory, "Compatibility", "Fixtures");

    /// <summary>The path of &lt;<paramref name="feature"/>&gt;.dll, compiled on first use.</summary>
    public static string PathOf(string feature) => Built.GetOrAdd(feature, f => new Lazy<string>(() => Compile(f))).Value;

    /// <summary>
    /// &lt;<paramref name="feature"/>&gt;.dll compiled again from its source as <paramref name="edit"/> changes it, under the
    /// same assembly name (the same project, its code changed), into a folder of its own.
    /// </summary>
    public static string PathOfEdited(string feature, Func<string, string> edit)
    {
        var source = File.ReadAllText(Path.Combine(Sources, feature + ".cs"));
        var edited = edit(source);
        if (edited == source)
        {
            throw new ArgumentException($"The edit changes nothing in {feature}.cs.", nameof(edit));
        }

        return Compile(feature, edited, Directory.CreateDirectory(Path.Combine(Folder.Value, "edited-" + Guid.NewGuid().ToString("N"))).FullName);
    }

    /// <summary>Deletes the compiled assemblies at the end of the run.</summary>
    public static void DeleteAll()
    {
        if (Folder.IsValueCreated)
        {
            Directory.Delete(Folder.Value, recursive: true);
        }
    }

    private static string Compile(string feature)
        => Compile(feature, File.ReadAllText(Path.Combine(Sources, feature + ".cs")), Folder.Value);

    private static string Compile(string feature, string code, string folder)
    {
        var source = Path.Combine(Sources, feature + ".cs");
        var tree = CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Latest), source);
        var compilation = CSharpCompilation.Create(feature, [tree], References.Value, Options);
        using var image = new MemoryStream();
        var result = compilation.Emit(image, manifestResources: Resources(feature));
        if (!result.Success)
        {
            var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString());
            throw new InvalidOperationException($"The fixture {feature}.cs does not compile:\n{string.Join('\n', errors)}");
        }

        var path = Path.Combine(folder, feature + ".dll");
        File.WriteAllBytes(path, image.ToArray());
        return path;
    }

    /// <summary>Fixtures/&lt;Feature&gt;/name.sql is embedded as &lt;Feature&gt;.Scripts.name.sql, as a project embeds Scripts/name.sql.</summary>
    private static IEnumerable<ResourceDescription> Resources(string feature)
    {
        var folder = Path.Combine(Sources, feature);
        return Directory.Exists(folder)
            ? Directory.GetFiles(folder).Order().Select(file => new ResourceDescription($"{feature}.Scripts.{Path.GetFileName(file)}", () => File.OpenRead(file), isPublic: true))
            : [];
    }
}
