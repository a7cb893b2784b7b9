using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Nexgent.Schema.Tests.Generation;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Hosting;

/// <summary>
/// Each C# block of the runner's README (src/Nexgent.Schema.Runner/README.md) compiles as a program of its own, with
/// the usings it shows and those every project of the .NET SDK has (ImplicitUsings), as strictly as this repository
/// compiles; its migration is a stand-in.
/// </summary>
public sealed partial class RunnerReadmeTests
{
    private const string StandIn = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;

        public sealed class MyFirstMigration : FluentMigrator.Migration
        {
            public override void Up() { }

            public override void Down() { }
        }
        """;

    public static IEnumerable<TestCaseData> CSharpBlocks()
        => CSharpBlock().Matches(File.ReadAllText(Path.Combine(Generated.Root, "src", "Nexgent.Schema.Runner", "README.md")))
            .Select((m, i) => new TestCaseData(m.Groups["code"].Value).SetArgDisplayNames($"block {i + 1}"));

    [TestCaseSource(nameof(CSharpBlocks))]
    public void Every_csharp_block_compiles(string code)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Select(path => MetadataReference.CreateFromFile(path));
        var options = new CSharpCompilationOptions(OutputKind.ConsoleApplication)
            .WithNullableContextOptions(NullableContextOptions.Enable)
            .WithGeneralDiagnosticOption(ReportDiagnostic.Error)
            .WithSpecificDiagnosticOptions([new("CS1701", ReportDiagnostic.Suppress), new("CS1702", ReportDiagnostic.Suppress)]);
        var compilation = CSharpCompilation.Create("Readme", [CSharpSyntaxTree.ParseText(code), CSharpSyntaxTree.ParseText(StandIn)], references, options);

        var result = compilation.Emit(Stream.Null);

        Assert.That(result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()), Is.Empty);
    }

    [GeneratedRegex(@"```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
