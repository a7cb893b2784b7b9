using System.Diagnostics;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Cli;

/// <summary>Runs a program other than dotnet fm (dotnet itself, bash), as a person at a shell would.</summary>
public static class Programs
{
    /// <summary>
    /// Runs <paramref name="program"/> in <paramref name="workingDirectory"/>, with <paramref name="environment"/> (a null
    /// value removes the variable); returns its exit code and what it printed (standard output, then standard error).
    /// </summary>
    public static (int ExitCode, string Output) Run(string workingDirectory, IReadOnlyDictionary<string, string?> environment, string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
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
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{program} {string.Join(' ', arguments)} did not finish within ten minutes.");
        }

        return (process.ExitCode, output.Result + error.Result);
    }

    public static (int ExitCode, string Output) Dotnet(string workingDirectory, params string[] arguments)
        => Run(workingDirectory, new Dictionary<string, string?>(), "dotnet", arguments);
}
