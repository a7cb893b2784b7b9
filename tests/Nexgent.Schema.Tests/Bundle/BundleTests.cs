using Nexgent.Schema.Cli;
using Nexgent.Schema.Tests.Cli;
using Nexgent.Schema.Tests.Infrastructure;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Bundle;

/// <summary>
/// <c>dotnet fm bundle</c>: one executable of the tool and the migrations that runs with no .NET on the machine. The
/// bundle is built once (<see cref="NexgentBundle"/>); the failures of <c>bundle</c> itself stop before publishing.
/// </summary>
public sealed class BundleTests
{
    [Test]
    public void A_bundle_migrates_reports_and_rolls_back_with_no_dotnet_on_the_machine()
    {
        // With no dotnet on the PATH, a framework-dependent program would still find the machine's runtime in its
        // default place: the file itself must carry the runtime (the single-file manifest names its core library).
        Assert.That(Contains(NexgentBundle.File, "System.Private.CoreLib.dll"u8.ToArray()), Is.True, "the .NET runtime is inside the bundle");
        using var database = TestDatabase.Create();
        var target = Golden.Versions[7];

        var pending = NexgentBundle.Run("status", "-c", database.Url);
        Assert.That(pending.ExitCode, Is.EqualTo(ExitCodes.NotUpToDate), pending.ToString());
        Assert.That(pending.Output, Does.Contain($"0 applied, {Golden.Versions.Count} pending"));

        var migrate = NexgentBundle.Run("migrate", "-c", database.Url);
        Assert.That(migrate.ExitCode, Is.EqualTo(ExitCodes.Success), migrate.ToString());
        Assert.That(database.RecordedVersions(), Is.EqualTo(Golden.Versions));
        Assert.That(NexgentBundle.Run("status", "-c", database.Url).ExitCode, Is.EqualTo(ExitCodes.Success));

        var rollback = NexgentBundle.Run("rollback", "to", target.ToString(), "-c", database.Url);
        Assert.That(rollback.ExitCode, Is.EqualTo(ExitCodes.Success), rollback.ToString());
        Assert.That(database.RecordedVersions(), Is.EqualTo(Golden.Versions.Where(v => v <= target)));
        Assert.That(database.Catalog(), Is.EqualTo(Golden.CatalogAt(target)));
        Assert.That(NexgentBundle.Run("status", "-c", database.Url).ExitCode, Is.EqualTo(ExitCodes.NotUpToDate));
    }

    [Test]
    public void A_bundle_says_which_migrations_it_holds_and_offers_only_what_runs_them()
    {
        var version = NexgentBundle.Run("--version");
        var help = NexgentBundle.Run("--help");
        var project = NexgentBundle.Run("status", "--project", "src/Nexgent.Schema.Migrations");

        Assert.That(version.ExitCode, Is.EqualTo(ExitCodes.Success), version.ToString());
        Assert.That(version.Output, Does.StartWith("dotnet fm bundle of Nexgent.Schema.Migrations "));
        Assert.That(help.Output, Does.Contain("A dotnet fm bundle of Nexgent.Schema.Migrations").And.Contain("nexgent-migrate [command] [options]"));
        Assert.That(help.Output, Does.Contain("  migrate ").And.Contain("  rollback ").And.Contain("  deploy ").And.Contain("  drift "));
        Assert.That(help.Output, Does.Not.Contain("  new ").And.Not.Contain("  bundle ").And.Not.Contain("--project").And.Not.Contain("--assembly"));
        Assert.That(project.ExitCode, Is.EqualTo(ExitCodes.Usage), "a bundle builds no project: " + project);
        Assert.That(project.Error, Does.Contain("Run `nexgent-migrate --help`"));
    }

    [Test]
    public void A_bundle_reports_a_failure_in_one_sentence_naming_itself()
    {
        using var database = TestDatabase.Create();

        var run = NexgentBundle.Run("rollback", "to", "1", "-c", database.Url);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failure), run.ToString());
        Assert.That(run.Error.TrimEnd(), Is.EqualTo(
            $"error: Version 1 is not a migration in the assemblies (they hold {Golden.Versions.Count}, {Golden.Versions[0]} to {Golden.Latest}, or 0 for none); run `nexgent-migrate list migrations` to see them."));
        Assert.That(database.RecordedVersions(), Is.Empty);
    }

    [Test]
    public void Bundle_leaves_a_file_that_exists_alone_without_force()
    {
        var folder = Directory.CreateTempSubdirectory("fm-bundle-").FullName;
        try
        {
            var file = Path.Combine(folder, "migrate");
            File.WriteAllText(file, "mine");

            var run = Programs.Run(Programs.Tool, new Dictionary<string, string?>(), TimeSpan.FromMinutes(2), "bundle", "-o", file, "-a", Fm.NexgentMigrations);

            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failure), run.ToString());
            Assert.That(run.Error.TrimEnd(), Is.EqualTo($"error: '{file}' already exists; pass --force to overwrite it, or give -o another file."));
            Assert.That(File.ReadAllText(file), Is.EqualTo("mine"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void Bundle_without_the_sdk_says_that_building_a_bundle_needs_it()
    {
        var file = Path.Combine(Path.GetTempPath(), "fm-bundle-" + Guid.NewGuid().ToString("N"));
        var environment = NexgentBundle.WithoutDotnet();
        // The tool itself is framework-dependent: it runs on the installed runtime, which has no SDK to offer on PATH.
        environment["DOTNET_ROOT"] = Programs.DotnetRoot;

        var run = Programs.Run(Programs.Tool, environment, TimeSpan.FromMinutes(2), "bundle", "-o", file, "-a", Fm.NexgentMigrations);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failure), run.ToString());
        Assert.That(run.Error.TrimEnd(), Is.EqualTo("error: Building a bundle needs the .NET SDK, and no dotnet was found on PATH; install the .NET SDK and run again."));
        Assert.That(File.Exists(file), Is.False);
    }

    [Test]
    public void A_failed_publish_shows_what_dotnet_said_then_one_sentence()
    {
        var file = Path.Combine(Path.GetTempPath(), "fm-bundle-" + Guid.NewGuid().ToString("N"));

        var run = Programs.Run(Programs.Tool, new Dictionary<string, string?>(), TimeSpan.FromMinutes(5), "bundle", "-o", file, "-r", "no-such-rid", "-a", Fm.NexgentMigrations);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failure), run.ToString());
        Assert.That(run.Error, Does.Contain("NETSDK1083"), "the SDK's own error, naming the runtime identifier");
        Assert.That(run.Error.TrimEnd(), Does.EndWith("error: Publishing the bundle for no-such-rid failed; fix the errors above and run again."));
        Assert.That(File.Exists(file), Is.False);
    }

    private static bool Contains(string file, byte[] text)
        => System.IO.File.ReadAllBytes(file).AsSpan().IndexOf(text) >= 0;
}
