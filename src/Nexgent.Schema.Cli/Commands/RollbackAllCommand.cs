using System.CommandLine;

namespace Nexgent.Schema.Cli.Commands;

/// <summary><c>rollback all</c>: undo every applied migration.</summary>
internal sealed class RollbackAllCommand : Command
{
    public RollbackAllCommand(SharedOptions options)
        : base("all", "Roll back every applied migration.")
    {
        options.AddTo(this, options.Database, options.Migrations, options.Run, [options.TransactionMode], options.FluentMigratorRefused);
        options.RefuseProfile(this);
        SetAction((parsed, cancellation) => CommandExecution.RunCancellable(parsed, options, cancellation, (runner, token) => runner.MigrateDownAsync(0, token)));
    }
}
