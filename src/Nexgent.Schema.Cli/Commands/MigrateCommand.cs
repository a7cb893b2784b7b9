using System.CommandLine;

namespace Nexgent.Schema.Cli.Commands;

/// <summary><c>migrate</c>: the same as <c>migrate up</c>, applying every pending migration.</summary>
internal sealed class MigrateCommand : Command
{
    public MigrateCommand(GlobalOptions options)
        : base("migrate", "Apply every pending migration (the same as `migrate up`).")
    {
        Subcommands.Add(new MigrateUpCommand(options));
        Subcommands.Add(new MigrateDownCommand(options));
        SetAction((parsed, cancellation) => CommandExecution.RunCancellable(parsed, options, cancellation, (runner, token) => runner.MigrateUpAsync(cancellationToken: token)));
    }
}
