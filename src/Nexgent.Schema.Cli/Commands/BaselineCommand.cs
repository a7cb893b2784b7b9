using System.CommandLine;
using Nexgent.Schema.Runner;
using Nexgent.Schema.Runner.Baselining;

namespace Nexgent.Schema.Cli.Commands;

/// <summary><c>baseline</c>: record migrations as applied without running them (Prisma's <c>migrate resolve --applied</c>).</summary>
internal sealed class BaselineCommand : Command
{
    private readonly Option<long?> version = new Option<long?>("--version", "-v")
    {
        Description = "Record every migration up to this version as applied.",
    }.Version();

    private readonly Option<bool> fromPrisma = new("--from-prisma")
    {
        Description = "Record what _prisma_migrations says Prisma applied, after checking the schema matches.",
    };

    private readonly Option<bool> noDriftCheck = new("--no-drift-check")
    {
        Description = "With --version: record without comparing the schema first (no shadow database is created).",
    };

    public BaselineCommand(SharedOptions options)
        : base("baseline", "Record migrations as applied without running them, for a schema that already exists.")
    {
        options.AddTo(this, options.Database, options.Migrations, [options.Timeout, options.LockWait, version, fromPrisma, noDriftCheck]);
        SetAction((parsed, cancellation) => CommandExecution.RunCancellable(parsed, options, cancellation, async (scope, token) =>
        {
            var baseliner = scope.Get<Baseliner>();
            var checkDrift = !parsed.GetValue(noDriftCheck);
            var steps = await Task.Run(() => (parsed.GetValue(version), parsed.GetValue(fromPrisma)) switch
            {
                ({ } v, false) => baseliner.ToVersion(v, checkDrift, token),
                (null, true) => baseliner.FromPrisma(checkDrift, token),
                _ => throw new SchemaRunnerException("Give baseline either --version V or --from-prisma (one of them)."),
            }, token);
            Console.WriteLine(steps.Count == 0
                ? "Nothing to record: those migrations are already recorded."
                : $"Recorded {steps.Count} migration(s) as applied, up to {steps[^1].Version}; `{FmCommandLine.Invocation} migrate` now applies only newer ones.");
            return ExitCodes.Success;
        }));
    }
}
