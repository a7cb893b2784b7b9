using System.CommandLine;

namespace Nexgent.Schema.Cli.Commands;

/// <summary><c>migrate up [-t V]</c>: apply pending migrations, all or up to version V.</summary>
internal sealed class MigrateUpCommand : Command
{
    private readonly Option<long?> target = new Option<long?>("--target", "-t")
    {
        Description = "The last version to apply; default: all. (Here -t is --target, as in FluentMigrator's dotnet-fm; give tags with --tag.)",
    }.Version();

    public MigrateUpCommand(SharedOptions options)
        : base("up", "Apply pending migrations, all of them or up to --target.")
    {
        options.AddTo(this, options.Database, options.MigrationsBesideTarget, options.Run, options.Up, [options.TransactionMode, target], options.FluentMigratorRefused);
        SetAction((parsed, cancellation) => CommandExecution.RunCancellable(parsed, options, cancellation, (runner, token) => runner.MigrateUpAsync(parsed.GetValue(target), token)));
    }
}
