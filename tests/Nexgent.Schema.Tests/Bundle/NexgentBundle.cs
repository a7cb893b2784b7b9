using Nexgent.Schema.Cli;
using Nexgent.Schema.Tests.Cli;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Bundle;

/// <summary>
/// Nexgent's migrations bundled once per test run (a bundle takes tens of seconds), by the published tool, the way a
/// person in this checkout would: <c>dotnet fm bundle -o FILE --force</c>, with no -a nor --project, so that the tool
/// finds src/Nexgent.Schema.Migrations through .config/dotnet-fm.json and builds it in Release.
/// </summary>
internal static class NexgentBundle
{
    private static readonly Lazy<string> Built = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The bundle, alone in a folder of its own.</summary>
    public static string File => Built.Value;

    /// <summary>Runs the bundle as on a machine without .NET: see <see cref="WithoutDotnet"/>.</summary>
    public static FmRun Run(params string[] arguments) => Programs.Run(File, WithoutDotnet(), TimeSpan.FromMinutes(2), arguments);

    /// <summary>
    /// The environment of a machine with no .NET: no folder on PATH that holds dotnet, no DOTNET_ROOT nor any other
    /// DOTNET_ variable (where a framework-dependent program would look for the runtime), and no DATABASE_URL.
    /// </summary>
    public static Dictionary<string, string?> WithoutDotnet()
    {
        var environment = Environment.GetEnvironmentVariables().Keys.OfType<string>()
            .Where(name => name.StartsWith("DOTNET_", StringComparison.OrdinalIgnoreCase) || name == "DATABASE_URL")
            .ToDictionary(name => name, _ => (string?)null);
        environment["PATH"] = string.Join(
            Path.PathSeparator,
            (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Where(folder => !System.IO.File.Exists(Path.Combine(folder, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet"))));
        return environment;
    }

    private static string Build()
    {
        var folder = Path.Combine(TestContext.CurrentContext.TestDirectory, "bundle");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, OperatingSystem.IsWindows() ? "nexgent-migrate.exe" : "nexgent-migrate");
        // A file already there, as a previous run leaves one: --force replaces it.
        System.IO.File.WriteAllText(file, "not a bundle");

        var run = Programs.Run(Programs.Tool, new Dictionary<string, string?> { ["DATABASE_URL"] = null }, TimeSpan.FromMinutes(10), "bundle", "-o", file, "--force");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
        Assert.That(Directory.GetFiles(folder), Is.EqualTo(new[] { file }), "one file, nothing beside it");
        return file;
    }
}
