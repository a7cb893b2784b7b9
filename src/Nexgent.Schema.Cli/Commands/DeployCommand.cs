using System.CommandLine;
using Nexgent.Schema.Runner;

namespace Nexgent.Schema.Cli.Commands;

/// <summary><c>deploy</c>: the non-interactive production verb that refuses to lose data unless told.</summary>
internal sealed class DeployCommand : Command
{
    private readonly Option<bool> acceptDataLoss = new("--accept-data-loss")
    {
        Description = "Apply migrations even when they drop tables or columns, delete rows or narrow types.",
    };

    private readonly Option<string?> backup = new("--backup")
    {
        Description = "First write a pg_dump (custom format) of the database to this file; stop if it fails.",
    };

    private readonly Option<bool> json = new("--json") { Description = "Print what was applied as JSON." };

    public DeployCommand(SharedOptions options)
        : base("deploy", $"Apply every pending migration, refusing (exit {ExitCodes.DataLossRefused}, nothing applied) when one would lose data.")
    {
        options.AddTo(this, options.Database, options.Migrations, options.Run, options.Up, [acceptDataLoss, backup, json]);
        SetAction((parsed, cancellation) => CommandExecution.RunCancellable(parsed, options, cancellation, async (runner, token) =>
        {
            var result = await runner.DeployAsync(parsed.GetValue(acceptDataLoss), parsed.GetValue(backup), token);
            if (parsed.GetValue(json))
            {
                Json.Print(new
                {
                    result.VersionBefore,
                    result.VersionAfter,
                    result.Preview,
                    Applied = result.Steps.Select(s => new { s.Version, s.Description, s.DataLoss }),
                });
            }
        }));
        DeployRehearsalOptions.AddTo(this, options, acceptDataLoss, backup, json);
    }
}
