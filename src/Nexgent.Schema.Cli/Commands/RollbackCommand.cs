using System.CommandLine;

namespace Nexgent.Schema.Cli.Commands;

/// <summary><c>rollback</c>: undo the last applied migration; its subcommands undo more.</summary>
internal sealed class RollbackCommand : Command
{
    public RollbackCommand(SharedOptions options)
        : base("rollback", "Roll back the last applied migration (see `by`, `to` and `all` for more).")
    {
        Subcommands.Add(new RollbackByCommand(options));
        Subcommands.Add(new RollbackToCommand(options));
        Subcommands.Add(new RollbackAllCommand(options));
        options.AddTo(this, options.Database, options.Migrations, options.Run, [options.TransactionMode], options.FluentMigratorRefused);
        options.RefuseProfile(this);
        SetAction((parsed, cancellation) => CommandExecution.RunCancellable(parsed, options, cancellation, (runner, token) => runner.RollbackByAsync(1, token)));
    }
}
