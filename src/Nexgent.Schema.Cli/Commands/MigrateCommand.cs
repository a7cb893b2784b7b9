using System.CommandLine;

namespace Nexgent.Schema.Cli.Commands;

/// <summary><c>migrate</c>: the same as <c>migrate up</c>, applying every pending migration.</summary>
internal sealed class MigrateCommand : Command
{
    public MigrateCommand(SharedOptions options)
        : base("migrate", "Apply every pending migration (the same as `migrate up`).")
    {
        options.AddTo(this, options.Database, options.Migrations, options.Run, options.Up, [options.TransactionMode], options.FluentMigratorRefused);
        Subcommands.Add(new MigrateUpCommand(options));
        Subcommands.Add(new MigrateDownCommand(options));
        SetAction((parsed, cancellation) => CommandExecution.RunCancellable(parsed, options, cancellation, (runner, token) => runner.MigrateUpAsync(cancellationToken: token)));
    }
}
