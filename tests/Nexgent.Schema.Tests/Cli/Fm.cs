using System.Diagnostics;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Cli;

/// <summary>Runs the built <c>dotnet-fm</c> as its own process, the way a pipeline runs <c>dotnet fm</c>.</summary>
public static class Fm
{
    public static FmRun Run(params string[] arguments) => Run(new Dictionary<string, string?>(), arguments);

    public static FmRun Run(IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet");
        start.ArgumentList.Add(Dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Run(start, environment, arguments, input: null);
    }

    /// <summary>
    /// Runs dotnet fm on a pseudo-terminal (util-linux's <c>script</c>), as a person at a shell would, typing
    /// <paramref name="answer"/> at its prompt. Standard output and error arrive together.
    /// </summary>
    public static FmRun RunOnTerminal(string answer, params string[] arguments)
    {
        var command = string.Join(' ', new[] { "dotnet", Dll }.Concat(arguments).Select(a => "'" + a.Replace("'", "'\\''") + "'"));
        var start = new ProcessStartInfo("script");
        foreach (var argument in new[] { "-qec", command, "/dev/null" })
        {
            start.ArgumentList.Add(argument);
        }

        return Run(start, new Dictionary<string, string?>(), arguments, answer + "\n");
    }

    /// <summary>Starts dotnet fm without waiting for it, for tests that kill it or cut it off midway.</summary>
    public static Process Start(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = TestContext.CurrentContext.TestDirectory,
        };
        start.ArgumentList.Add(Dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("DATABASE_URL");
        var process = Process.Start(start)!;
        process.StandardInput.Close();
        return process;
    }

    /// <summary>Waits for a process from <see cref="Start"/> and collects what it printed.</summary>
    public static FmRun Finish(Process process)
    {
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("dotnet fm did not finish within two minutes.");
        }

        return new FmRun(process.ExitCode, output.Result, error.Result);
    }

    private static string Dll => Path.Combine(TestContext.CurrentContext.TestDirectory, "dotnet-fm.dll");

    private static FmRun Run(ProcessStartInfo start, IReadOnlyDictionary<string, string?> environment, string[] arguments, string? input)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = true;
        start.WorkingDirectory = TestContext.CurrentContext.TestDirectory;

        start.Environment.Remove("DATABASE_URL");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        if (input is not null)
        {
            process.StandardInput.Write(input);
        }

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
