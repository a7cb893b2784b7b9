using Nexgent.Schema.Tests.Cli;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Drift;

/// <summary>What <c>dotnet fm drift</c> printed.</summary>
internal static class DriftOutput
{
    /// <summary>The sentences drift printed, one a line, once its closing line is checked to count them.</summary>
    public static List<string> Differences(FmRun run, long version)
    {
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()).ToList();
        Assert.That(lines[^1], Is.EqualTo($"{lines.Count - 1} difference(s) from the migrations at version {version}."), run.ToString());
        return lines[..^1];
    }
}
