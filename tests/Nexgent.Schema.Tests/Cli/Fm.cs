using System.Diagnostics;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Cli;

/// <summary>Runs the built <c>dotnet-fm</c> as its own process, the way a pipeline runs <c>dotnet fm</c>.</summary>
public static class Fm
{
    public static FmRun Run(params string[] arguments) => Run(new Dictionary<string, string?>(), arguments);

    public static FmRun Run(IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = TestContext.CurrentContext.TestDirectory,
        };
        start.ArgumentList.Add(Path.Combine(TestContext.CurrentContext.TestDirectory, "dotnet-fm.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("DATABASE_URL");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"dotnet fm {string.Join(' ', arguments)} did not finish within two minutes.");
        }

        return new FmRun(process.ExitCode, output.Result, error.Result);
    }
}

public sealed record FmRun(int ExitCode, string Output, string Error)
{
    public string All => Output + Error;

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}
