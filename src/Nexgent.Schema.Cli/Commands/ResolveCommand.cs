using System.CommandLine;
using Nexgent.Schema.Runner;

namespace Nexgent.Schema.Cli.Commands;

/// <summary><c>resolve</c>: clear the dirty state a failed non-transactional migration left, once repaired.</summary>
internal sealed class ResolveCommand : Command
{
    private readonly Option<long?> rolledBack = new Option<long?>("--rolled-back")
    {
        Description = "The failed migration's version, now undone by hand: record it as not applied.",
    }.Version();

    private readonly Option<long?> applied = new Option<long?>("--applied")
    {
        Description = "The failed migration's version, now completed by hand: record it as applied.",
    }.Version();

    public ResolveCommand(SharedOptions options)
        : base("resolve", "After repairing what a failed non-transactional migration left, record it as rolled back or applied.")
    {
        options.AddTo(this, options.Database, options.Migrations, [options.LockWait, rolledBack, applied]);
        SetAction(parsed => CommandExecution.Run(parsed, options, runner =>
        {
            switch (parsed.GetValue(rolledBack), parsed.GetValue(applied))
            {
                case ({ } version, null):
                    runner.Resolve(version, applied: false);
                    break;
                case (null, { } version):
                    runner.Resolve(version, applied: true);
                    break;
                default:
                    throw new SchemaRunnerException("Give resolve either --rolled-back V or --applied V (one of them).");
            }

            return ExitCodes.Success;
        }));
    }
}
