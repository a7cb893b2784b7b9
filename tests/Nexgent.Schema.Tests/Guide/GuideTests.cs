using System.Text.RegularExpressions;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Guide;

/// <summary>
/// The migration author's guide (src/Nexgent.Schema.Migrations/README.md) shows only code that runs: each C#
/// block is a file of tests/Nexgent.Schema.Examples, each SQL block what <c>--preview</c> prints for it.
/// </summary>
public sealed partial class GuideTests
{
    private static readonly string Root = FindRoot();
    private static readonly string GuideText = File.ReadAllText(Path.Combine(Root, "src", "Nexgent.Schema.Migrations", "README.md"));

    public static IEnumerable<TestCaseData> CSharpBlocks()
        => Block().Matches(GuideText).Where(m => m.Groups["lang"].Value == "csharp")
            .Select(m => new TestCaseData(m.Groups["marker"].Value, m.Groups["code"].Value).SetArgDisplayNames(Marker(m)));

    public static IEnumerable<TestCaseData> SqlBlocks()
        => Block().Matches(GuideText).Where(m => m.Groups["lang"].Value == "sql")
            .Select(m => new TestCaseData(m.Groups["marker"].Value, m.Groups["code"].Value).SetArgDisplayNames(Marker(m)));

    [TestCaseSource(nameof(CSharpBlocks))]
    public void Every_csharp_block_is_a_compiled_example_file_word_for_word(string marker, string code)
    {
        Assert.That(marker, Does.StartWith("file: "), "a C# block says which example file it shows");
        var file = Path.Combine(Root, marker["file: ".Length..]);
        Assert.That(File.Exists(file), Is.True, $"{file} exists");
        Assert.That(code.TrimEnd(), Is.EqualTo(File.ReadAllText(file).TrimEnd()));
    }

    [TestCaseSource(nameof(SqlBlocks))]
    public void Every_sql_block_is_what_preview_prints_for_its_example(string marker, string code)
    {
        Assert.That(marker, Does.StartWith("sql: "), "an SQL block says which example version it shows");
        var version = long.Parse(marker["sql: ".Length..]);
        var previous = ExampleDatabase.Previous(version);
        using var database = ExampleDatabase.At(previous == Infrastructure.Golden.Latest ? null : previous);

        Assert.That(ExampleDatabase.PreviewStatements(database, version), Is.EqualTo(ExampleDatabase.Statements(code)));
    }

    [Test]
    public void The_guide_shows_every_example()
    {
        var shown = Block().Matches(GuideText).Select(m => m.Groups["marker"].Value)
            .Where(m => m.StartsWith("sql: ")).Select(m => long.Parse(m[5..])).ToHashSet();

        Assert.That(ExampleDatabase.Examples.Where(v => v != 20270101000500), Is.SubsetOf(shown), "every example but the rename's starting column");
    }

    private static string Marker(Match block) => block.Groups["marker"].Value is { Length: > 0 } m ? m : "(no marker)";

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Nexgent.Schema.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The checkout (Nexgent.Schema.sln) was not found above the test folder.");
    }

    [GeneratedRegex(@"(?:<!-- (?<marker>[^>]*?) -->\n)?```(?<lang>csharp|sql)\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex Block();
}
