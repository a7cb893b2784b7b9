using System.ComponentModel;
using System.Diagnostics;

namespace Nexgent.Schema.Cli.Loading;

/// <summary>Runs the .NET SDK's <c>dotnet</c>, to build a migrations project or publish a bundle.</summary>
internal static class DotnetCli
{
    /// <summary>The SDK that runs this tool sets DOTNET_HOST_PATH; otherwise dotnet is on PATH.</summary>
    public static string Program => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    /// <summary>
    /// Runs dotnet with <paramref name="arguments"/> and returns its exit code and what it printed (standard output,
    /// then standard error); when dotnet cannot be started at all, throws <paramref name="cannotStart"/>'s sentence.
    /// </summary>
    public static (int ExitCode, string Output) Run(IEnumerable<string> arguments, string cannotStart)
    {
        var start = new ProcessStartInfo(Program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new CliException(cannotStart);
        }
        catch (Win32Exception)
        {
            throw new CliException(cannotStart);
        }

        using (process)
        {
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output + error.Result);
        }
    }
}
