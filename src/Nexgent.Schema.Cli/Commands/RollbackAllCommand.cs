using System.CommandLine;

namespace Nexgent.Schema.Cli.Commands;

/// <summary><c>rollback all</c>: undo every applied migration.</summary>
internal sealed class RollbackAllCommand : Command
{
    public RollbackAllCommand(GlobalOptions options)
        : base("all", "Roll back every applied migration.")
    {
        options.RefuseProfile(this);
        SetAction((parsed, cancellation) => CommandExecution.RunCancellable(parsed, options, cancellation, (runner, token) => runner.MigrateDownAsync(0, token)));
    }
}
