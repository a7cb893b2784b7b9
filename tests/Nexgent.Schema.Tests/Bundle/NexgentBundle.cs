using System.Diagnostics;
using System.Runtime.InteropServices;
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

/// <summary>Runs a program as its own process, with some environment variables set or removed (null).</summary>
internal static class Programs
{
    /// <summary>The published tool (see the test project's PublishToolForTests target).</summary>
    public static string Tool => Path.Combine(TestContext.CurrentContext.TestDirectory, "fm", OperatingSystem.IsWindows() ? "dotnet-fm.exe" : "dotnet-fm");

    public static FmRun Run(string program, IReadOnlyDictionary<string, string?> environment, TimeSpan limit, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = TestContext.CurrentContext.TestDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{program} {string.Join(' ', arguments)} did not finish within {limit.TotalMinutes} minutes.");
        }

        return new FmRun(process.ExitCode, output.Result, error.Result);
    }

    /// <summary>The folder of the .NET install the tests run on, where a framework-dependent program finds the runtime.</summary>
    public static string DotnetRoot => Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
}
