using System.CommandLine;

namespace Nexgent.Schema.Cli.Commands;

/// <summary>
/// <c>validate</c>: versions in order, every migration reversible or marked irreversible, names by the
/// convention, no dirty state, applied migrations unchanged since they ran (checksums), and no lock hazard in the
/// pending ones that they do not accept (what <c>lint</c> finds). Problems found exit with
/// <see cref="ExitCodes.ValidationFailed"/>, apart from the failure to check at all (<see cref="ExitCodes.Failure"/>).
/// </summary>
internal sealed class ValidateCommand : Command
{
    private readonly Option<bool> json = new("--json") { Description = "Print the problems as JSON." };

    public ValidateCommand(SharedOptions options)
        : base("validate", $"Check the migrations and the database: order, Down methods, names, dirty state, checksums of applied migrations, and lock hazards of pending ones (as lint finds them); exit {ExitCodes.ValidationFailed} when it finds a problem.")
    {
        Subcommands.Add(new ValidateVersionsCommand(options));
        options.AddTo(this, options.Database, options.Migrations, [options.LockTimeout, json]);
        SetAction(parsed => CommandExecution.Run(parsed, options, runner =>
        {
            var report = runner.Validate();
            if (parsed.GetValue(json))
            {
                Json.Print(new { report.IsValid, report.Problems, report.Notes, report.ChecksumsVerified, report.AppliedWithoutChecksum });
            }
            else
            {
                foreach (var problem in report.Problems)
                {
                    Console.WriteLine(Printable.Text(problem));
                }

                foreach (var note in report.Notes)
                {
                    Console.WriteLine($"note: {Printable.Text(note)}");
                }

                var withoutChecksum = report.AppliedWithoutChecksum == 0 ? "" : $"; {report.AppliedWithoutChecksum} applied migration(s) have no recorded checksum (applied by another tool)";
                Console.WriteLine(report.IsValid
                    ? $"Valid: {report.ChecksumsVerified} applied migration(s) unchanged{withoutChecksum}."
                    : $"{report.Problems.Count} problem(s){withoutChecksum}.");
            }

            return report.IsValid ? ExitCodes.Success : ExitCodes.ValidationFailed;
        }));
    }
}
