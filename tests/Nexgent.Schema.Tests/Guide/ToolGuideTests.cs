using System.Text;
using System.Text.RegularExpressions;
using Nexgent.Schema.Tests.Cli;
using Nexgent.Schema.Tests.Infrastructure;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Guide;

/// <summary>
/// The tool's guide (src/Nexgent.Schema.Cli/README.md), for any team's project, runs as written: its shell blocks
/// marked <c>&lt;!-- run --&gt;</c>, in order, in an empty folder outside the checkout, with its C# blocks marked
/// <c>&lt;!-- file: PATH --&gt;</c> written where they say, against a feed packed from this build, as a new user with
/// that feed would: install, the first migration, the loop, the round-trip tests, the deploy.
/// </summary>
public sealed partial class ToolGuideTests
{
    /// <summary>The guide's example database, which the run replaces with a test database.</summary>
    private const string GuideUrl = "postgresql://shop:secret@localhost:5432/shop";

    private static readonly string Root = FindRoot();
    private static readonly string GuideText = File.ReadAllText(Path.Combine(Root, "src", "Nexgent.Schema.Cli", "README.md"));

    [Test]
    public void The_guide_runs_as_written_from_the_install_to_the_deploy()
    {
        var folder = Directory.CreateTempSubdirectory("guide-").FullName;
        try
        {
            var feed = Pack(Path.Combine(folder, "feed"));
            var shop = Directory.CreateDirectory(Path.Combine(folder, "shop")).FullName;
            using var database = TestDatabase.Create();
            File.WriteAllText(Path.Combine(folder, "guide.sh"), Script(feed, database.Url));

            var environment = new Dictionary<string, string?>
            {
                ["DATABASE_URL"] = null,
                ["DATABASE_TEST_URL"] = TestServer.Current.AdminConnectionString,
                ["CI"] = null, // a developer's machine: the snapshots may be written
            };
            var (exitCode, output) = Programs.Run(shop, environment, "bash", "-eux", "-o", "pipefail", Path.Combine(folder, "guide.sh"));

            Assert.That(exitCode, Is.Zero, output);
            Assert.That(Directory.GetFiles(Path.Combine(shop, "tests", "Shop.Migrations.Tests", "Snapshots")), Has.Length.EqualTo(3), output);
            Assert.That(database.Scalar<long>("SELECT count(*) FROM \"VersionInfo\""), Is.EqualTo(3), "deploy applied every migration");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void The_guide_installs_with_commands_that_find_a_prerelease()
    {
        var installs = Block().Matches(GuideText).Select(m => m.Groups["code"].Value)
            .SelectMany(code => code.Split('\n'))
            .Where(line => line.Contains("dotnet tool install") || line.Contains("dotnet add") && line.Contains("package Nexgent"))
            .ToList();

        Assert.That(installs, Is.Not.Empty);
        Assert.That(installs, Has.All.Contain("--prerelease"), "every version on a packed feed is a prerelease");
    }

    /// <summary>The guide's runnable blocks as one bash script.</summary>
    private static string Script(string feed, string databaseUrl)
    {
        var script = new StringBuilder("exec 2>&1\n"); // the trace (-x) and the output in the order they happened
        foreach (Match block in Block().Matches(GuideText))
        {
            var (marker, code) = (block.Groups["marker"].Value, block.Groups["code"].Value);
            if (marker == "run")
            {
                script.AppendLine(code.Replace("<feed>", $"'{feed}'").Replace(GuideUrl, databaseUrl));
            }
            else if (marker.StartsWith("file: ", StringComparison.Ordinal))
            {
                script.AppendLine(WriteFile(marker["file: ".Length..], code));
            }
        }

        return script.ToString();
    }

    /// <summary>
    /// Writes a C# block. A migration's goes into the file <c>dotnet fm new</c> made for it, with that file's version
    /// in place of the guide's.
    /// </summary>
    private static string WriteFile(string path, string code)
    {
        if (MigrationFile().Match(Path.GetFileName(path)) is not { Success: true } migration)
        {
            return $"mkdir -p '{Path.GetDirectoryName(path)}'\ncat > '{path}' <<'GUIDE_EOF'\n{code}GUIDE_EOF";
        }

        var guideVersion = migration.Groups["version"].Value;
        return $"""
            file=$(ls {Path.GetDirectoryName(path)}/*_{migration.Groups["class"].Value}.cs)
            cat > "$file" <<'GUIDE_EOF'
            {code.TrimEnd()}
            GUIDE_EOF
            sed -i "s/{guideVersion}/$(basename "$file" | cut -c1-14)/" "$file"
            """;
    }

    /// <summary>The libraries and the tool, packed from this build into <paramref name="feed"/> with a prerelease version, as the Pack target packs them.</summary>
    private static string Pack(string feed)
    {
        var version = $"1.0.0-dev.{DateTime.UtcNow:yyyyMMddHHmmss}";
        foreach (var project in new[] { "Nexgent.Schema.Postgres", "Nexgent.Schema.Runner", "Nexgent.Schema.Testing", "Nexgent.Schema.Cli" })
        {
            var (exitCode, output) = Programs.Dotnet(Root, "pack", Path.Combine("src", project), "-c", "Release", "--no-build", "-o", feed, $"-p:PackageVersion={version}", "-nologo");
            Assert.That(exitCode, Is.Zero, output);
        }

        return feed;
    }

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

    [GeneratedRegex(@"(?:<!-- (?<marker>[^>]*?) -->\n)?```(?<lang>sh|csharp|text|json)\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex Block();

    [GeneratedRegex(@"^(?<version>\d{14})_(?<class>\w+)\.cs$")]
    private static partial Regex MigrationFile();
}
