using System.CommandLine;

namespace Nexgent.Schema.Cli.Commands;

/// <summary><c>rollback by N</c>: undo the last N applied migrations.</summary>
internal sealed class RollbackByCommand : Command
{
    private readonly Argument<int> steps = new Argument<int>("steps") { Description = "How many migrations to roll back." }.Count("roll back by");

    public RollbackByCommand(SharedOptions options)
        : base("by", "Roll back the last N applied migrations.")
    {
        Arguments.Add(steps);
        options.AddTo(this, options.Database, options.Migrations, options.Run, [options.TransactionMode], options.FluentMigratorRefused);
        options.RefuseProfile(this);
        SetAction((parsed, cancellation) => CommandExecution.RunCancellable(parsed, options, cancellation, (runner, token) => runner.RollbackByAsync(parsed.GetValue(steps), token)));
    }
}
