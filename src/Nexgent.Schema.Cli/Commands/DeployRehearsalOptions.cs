using System.CommandLine;
using System.CommandLine.Invocation;
using Nexgent.Schema.Runner;
using Nexgent.Schema.Runner.Rehearsal;

namespace Nexgent.Schema.Cli.Commands;

/// <summary>
/// <c>deploy --rehearse</c> and <c>deploy --rehearse-on URL</c>: instead of deploying, rehearse the deploy on a copy of
/// the database and report its times and locks. It exits as the deploy would: 1 when a migration fails,
/// <see cref="ExitCodes.DataLossRefused"/> when the deploy would refuse to lose data.
/// </summary>
internal static class DeployRehearsalOptions
{
    public static void AddTo(Command deploy, SharedOptions options, Option<bool> acceptDataLoss, Option<string?> backup, Option<bool> json)
    {
        var rehearse = new Option<bool>("--rehearse")
        {
            Description = "Change nothing: run the pending migrations on a copy of the database made for the purpose on its server (pg_dump | pg_restore), drop it, and report each migration's time, the locks its statements took and how long each table's writes and reads were blocked.",
        };
        var rehearseOn = new Option<string?>("--rehearse-on")
        {
            Description = "As --rehearse, with the copy made on another server: a postgresql:// URL of one of its databases, with a user that may create databases.",
        };
        deploy.Options.Add(rehearse);
        deploy.Options.Add(rehearseOn);
        deploy.Validators.Add(result =>
        {
            if ((result.GetValue(rehearse) || result.GetValue(rehearseOn) is not null) && result.GetValue(backup) is not null)
            {
                result.AddError("A rehearsal changes nothing, so it takes no backup; leave out --backup, and give it to the deploy that follows.");
            }
        });

        var apply = deploy.Action as AsynchronousCommandLineAction
            ?? throw new InvalidOperationException("deploy's own action is expected to be set first.");
        deploy.SetAction((parsed, cancellation) => parsed.GetValue(rehearse) || parsed.GetValue(rehearseOn) is not null
            ? CommandExecution.RunCancellable(parsed, options, cancellation, async (SchemaRunnerScope scope, CancellationToken token) =>
            {
                var report = await scope.Runner.RehearseDeployAsync(parsed.GetValue(rehearseOn), token);
                if (parsed.GetValue(json))
                {
                    Json.Print(report);
                }
                else
                {
                    Console.Write(Printable.Text(RehearsalText.Format(report)));
                }

                if (report.Failure is { } failure)
                {
                    throw new SchemaRunnerException($"The deploy would fail: {failure.Split('\n')[0]} The copy was dropped, and the database was not changed.");
                }

                return report.WouldRefuse.Count > 0 && !parsed.GetValue(acceptDataLoss) ? ExitCodes.DataLossRefused : ExitCodes.Success;
            })
            : apply.InvokeAsync(parsed, cancellation));
    }
}
