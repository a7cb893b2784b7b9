using System.CommandLine;

namespace Nexgent.Schema.Cli.Commands;

/// <summary><c>migrate down -t V</c>: roll back every applied migration above version V.</summary>
internal sealed class MigrateDownCommand : Command
{
    private readonly Option<long> target = new("--target", "-t")
    {
        Description = "The version to go back to (0 for none); required.",
        Required = true,
    };

    public MigrateDownCommand(GlobalOptions options)
        : base("down", "Roll back every applied migration above --target.")
    {
        Options.Add(target);
        SetAction((parsed, cancellation) => CommandExecution.RunCancellable(parsed, options, cancellation, (runner, token) => runner.MigrateDownAsync(parsed.GetValue(target), token)));
    }
}
