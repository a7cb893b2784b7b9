using System.CommandLine;
using Nexgent.Schema.Runner.Drift;

namespace Nexgent.Schema.Cli.Commands;

/// <summary><c>drift</c>: compare the database with what its migrations build, through a shadow database.</summary>
internal sealed class DriftCommand : Command
{
    private readonly Option<bool> json = new("--json") { Description = "Print the differences as JSON." };

    public DriftCommand(SharedOptions options)
        : base("drift", $"Build a temporary shadow database with the migrations the database records, compare the two schemas, and exit {ExitCodes.Drift} on any difference.")
    {
        options.AddTo(this, options.Database, options.Migrations, [options.Timeout, json]);
        SetAction((parsed, cancellation) => CommandExecution.RunCancellable(parsed, options, cancellation, async (scope, token) =>
        {
            var report = await Task.Run(() => scope.Get<DriftDetector>().Detect(token), token);
            if (parsed.GetValue(json))
            {
                Json.Print(new
                {
                    report.Version,
                    report.HasDrift,
                    Differences = report.Differences.Select(d => new { d.Kind, d.Name, d.Expected, d.Actual, d.Sentence }),
                    ExplainedByRollback = report.ExplainedByRollback.Select(d => new { d.Kind, d.Name, d.Expected, d.Actual, d.Sentence }),
                });
            }
            else
            {
                foreach (var difference in report.Differences)
                {
                    Console.WriteLine(Printable.Text(difference.Sentence));
                }

                foreach (var explained in report.ExplainedByRollback)
                {
                    Console.WriteLine($"note: {explained.Sentence} The database was rolled back from a later version, and a Down that re-adds a column puts it last: no drift.");
                }

                Console.WriteLine(report.HasDrift
                    ? $"{report.Differences.Count} difference(s) from the migrations at version {report.Version}."
                    : $"No drift: the schema is what the migrations build at version {report.Version}.");
            }

            return report.HasDrift ? ExitCodes.Drift : ExitCodes.Success;
        }));
    }
}
