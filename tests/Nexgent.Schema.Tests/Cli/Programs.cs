using System.Diagnostics;
using System.Runtime.InteropServices;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Cli;

/// <summary>
/// Runs a program as its own process (the published tool, a bundle, dotnet itself, bash), as a person at a shell would,
/// with some environment variables set or removed (a null value), and nothing on its standard input.
/// </summary>
public static class Programs
{
    /// <summary>The published tool (see the test project's PublishToolForTests target).</summary>
    public static string Tool => Path.Combine(TestContext.CurrentContext.TestDirectory, "fm", OperatingSystem.IsWindows() ? "dotnet-fm.exe" : "dotnet-fm");

    /// <summary>The folder of the .NET install the tests run on, where a framework-dependent program finds the runtime.</summary>
    public static string DotnetRoot => Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));

    /// <summary>Runs <paramref name="program"/> in the tests' folder, failing the test after <paramref name="limit"/>.</summary>
    public static FmRun Run(string program, IReadOnlyDictionary<string, string?> environment, TimeSpan limit, params string[] arguments)
        => Execute(TestContext.CurrentContext.TestDirectory, environment, limit, program, arguments);

    /// <summary>Runs <paramref name="program"/> in <paramref name="workingDirectory"/>; what it printed, standard output then standard error.</summary>
    public static (int ExitCode, string Output) Run(string workingDirectory, IReadOnlyDictionary<string, string?> environment, string program, params string[] arguments)
    {
        var run = Execute(workingDirectory, environment, TimeSpan.FromMinutes(10), program, arguments);
        return (run.ExitCode, run.Output + run.Error);
    }

    public static (int ExitCode, string Output) Dotnet(string workingDirectory, params string[] arguments)
        => Run(workingDirectory, new Dictionary<string, string?>(), "dotnet", arguments);

    private static FmRun Execute(string workingDirectory, IReadOnlyDictionary<string, string?> environment, TimeSpan limit, string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
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
}
