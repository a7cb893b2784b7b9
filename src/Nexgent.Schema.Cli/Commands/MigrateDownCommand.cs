using System.CommandLine;

namespace Nexgent.Schema.Cli.Commands;

/// <summary><c>migrate down -t V</c>: roll back every applied migration above version V.</summary>
internal sealed class MigrateDownCommand : Command
{
    private readonly Option<long> target = new Option<long>("--target", "-t")
    {
        Description = "The version to go back to (0 for none); required. (Here -t is --target, as in FluentMigrator's dotnet-fm; give tags with --tag.)",
        Required = true,
    }.Version(zero: "for none");

    public MigrateDownCommand(SharedOptions options)
        : base("down", "Roll back every applied migration above --target.")
    {
        options.AddTo(this, options.Database, options.MigrationsBesideTarget, options.Run, [options.TransactionMode, target], options.FluentMigratorRefused);
        options.RefuseProfile(this);
        SetAction((parsed, cancellation) => CommandExecution.RunCancellable(parsed, options, cancellation, (runner, token) => runner.MigrateDownAsync(parsed.GetValue(target), token)));
    }
}
