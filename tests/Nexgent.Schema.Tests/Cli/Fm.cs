using System.Diagnostics;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Cli;

/// <summary>Runs the built <c>dotnet-fm</c> as its own process, the way a pipeline runs <c>dotnet fm</c>.</summary>
public static class Fm
{
    public static FmRun Run(params string[] arguments) => Run(new Dictionary<string, string?>(), arguments);

    public static FmRun Run(IReadOnlyDictionary<string, string?> environment, params string[] arguments)
        => Finish(Launch(Program(Tool, WithMigrations(arguments)), environment, input: null));

    /// <summary>
    /// Runs dotnet fm on a pseudo-terminal (util-linux's <c>script</c>), as a person at a shell would, typing
    /// <paramref name="answer"/> at its prompt. Standard output and error arrive together.
    /// </summary>
    public static FmRun RunOnTerminal(string answer, params string[] arguments)
    {
        var command = string.Join(' ', new[] { Tool }.Concat(WithMigrations(arguments)).Select(a => "'" + a.Replace("'", "'\\''") + "'"));
        return Finish(Launch(Program("script", ["-qec", command, "/dev/null"]), new Dictionary<string, string?>(), answer + "\n"));
    }

    /// <summary>Starts dotnet fm without waiting for it, for tests that kill it or cut it off midway.</summary>
    public static Process Start(params string[] arguments)
        => Launch(Program(Tool, WithMigrations(arguments)), new Dictionary<string, string?>(), input: null);

    /// <summary>Waits for a process from <see cref="Start"/> and collects what it printed.</summary>
    public static FmRun Finish(Process process)
    {
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"{process.StartInfo.FileName} {string.Join(' ', process.StartInfo.ArgumentList)} did not finish within two minutes.");
            }

            return new FmRun(process.ExitCode, output.Result, error.Result);
        }
    }

    /// <summary>The published tool (see the test project's PublishToolForTests target).</summary>
    private static string Tool => Path.Combine(TestContext.CurrentContext.TestDirectory, "fm", OperatingSystem.IsWindows() ? "dotnet-fm.exe" : "dotnet-fm");

    /// <summary>
    /// Without -a or --project, the tool would build src/Nexgent.Schema.Migrations (the checkout's
    /// .config/dotnet-fm.json); the tests run Nexgent's migrations as built beside them instead. Verbs that read no
    /// migrations (import-prisma, list processors) take no -a.
    /// </summary>
    private static string[] WithMigrations(string[] arguments)
        => arguments.Any(a => a is "-a" or "--assembly" or "--project" or "new" or "import-prisma" or "processors" or "--help" or "--version")
            ? arguments
            : [.. arguments, "-a", NexgentMigrations];

    public static string NexgentMigrations => Path.Combine(TestContext.CurrentContext.TestDirectory, "Nexgent.Schema.Migrations.dll");

    private static ProcessStartInfo Program(string program, string[] arguments)
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

        return start;
    }

    /// <summary>Starts a process without the caller's DATABASE_URL, feeds it <paramref name="input"/>, closes its input.</summary>
    private static Process Launch(ProcessStartInfo start, IReadOnlyDictionary<string, string?> environment, string? input)
    {
        start.Environment.Remove("DATABASE_URL");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        if (input is not null)
        {
            process.StandardInput.Write(input);
        }

        process.StandardInput.Close();
        return process;
    }
}

public sealed record FmRun(int ExitCode, string Output, string Error)
{
    public string All => Output + Error;

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}
