using System.CommandLine;

namespace Nexgent.Schema.Cli.Commands;

/// <summary><c>rollback to V</c>: undo every applied migration above version V.</summary>
internal sealed class RollbackToCommand : Command
{
    private readonly Argument<long> version = new Argument<long>("version") { Description = "The version to go back to (0 for none)." }.Version("rollback to", zero: "for none");

    public RollbackToCommand(SharedOptions options)
        : base("to", "Roll back every applied migration above the given version.")
    {
        Arguments.Add(version);
        options.AddTo(this, options.Database, options.Migrations, options.Run, [options.TransactionMode], options.FluentMigratorRefused);
        options.RefuseProfile(this);
        SetAction((parsed, cancellation) => CommandExecution.RunCancellable(parsed, options, cancellation, (runner, token) => runner.MigrateDownAsync(parsed.GetValue(version), token)));
    }
}
