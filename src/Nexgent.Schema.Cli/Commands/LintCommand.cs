using System.CommandLine;
using Nexgent.Schema.Runner;
using Nexgent.Schema.Runner.Lint;

namespace Nexgent.Schema.Cli.Commands;

/// <summary>
/// <c>lint</c>: the lock hazards of the pending migrations. With a database (-c or DATABASE_URL), the migrations it has
/// not applied, with each table's size; with none, every migration, from the migrations' code alone (nothing connects).
/// Hazards no migration accepts exit with <see cref="ExitCodes.LockHazards"/>; statements lint cannot read are printed as
/// not analysed, and leave the exit code as it is.
/// </summary>
internal sealed class LintCommand : Command
{
    private readonly Option<long?> from = new Option<long?>("--from")
    {
        Description = "Lint the migrations from this version on (included).",
    }.Version();

    private readonly Option<long?> to = new Option<long?>("--to")
    {
        Description = "Lint the migrations up to this version (included).",
    }.Version();

    private readonly Option<long?> version = new Option<long?>("--version", "-v")
    {
        Description = "Lint this migration only.",
    }.Version();

    private readonly Option<bool> json = new("--json") { Description = "Print the findings as JSON." };

    public LintCommand(SharedOptions options)
        : base("lint", $"Check the pending migrations' SQL for PostgreSQL lock hazards (an index built without CONCURRENTLY, a table rewrite...); with no database (no -c, no DATABASE_URL), every migration. Exit {ExitCodes.LockHazards} on a hazard no migration accepts.")
    {
        options.AddTo(this, options.Database, options.Migrations, [options.LockTimeout, from, to, version, json]);
        Validators.Add(result =>
        {
            var (first, last, only) = (result.GetValue(from), result.GetValue(to), result.GetValue(version));
            if (only is not null && (first is not null || last is not null))
            {
                result.AddError("Give lint either --version V or --from/--to, not both.");
            }
            else if (first > last)
            {
                result.AddError($"--from {first} is after --to {last}; give a range whose start comes first.");
            }
        });
        SetAction(parsed => CommandExecution.Guarded(parsed, options, () =>
        {
            using var scope = RunnerFactory.CreateWithDatabaseIfGiven(parsed, options);
            var only = parsed.GetValue(version);
            var (first, last) = (only ?? parsed.GetValue(from), only ?? parsed.GetValue(to));
            var report = scope.Runner.Lint(first, last);
            if (parsed.GetValue(json))
            {
                PrintJson(report);
            }
            else
            {
                Print(report, only, ranged: first is not null || last is not null);
            }

            return report.IsClean ? ExitCodes.Success : ExitCodes.LockHazards;
        }));
    }

    private static void PrintJson(LintReport report)
        => Json.Print(new
        {
            report.Database,
            report.Connected,
            report.IsClean,
            Hazards = report.Hazards.Count,
            Accepted = report.Accepted.Count,
            Linted = report.Linted,
            report.SkippedApplied,
            Findings = report.Findings.Select(f => new
            {
                f.Version,
                f.Description,
                f.Rule,
                f.Table,
                Rows = f.Size?.Rows,
                Bytes = f.Size is { Exists: true } size ? size.Bytes : (long?)null,
                TableExists = f.Size?.Exists,
                Lock = f.Lock.ToSql(),
                Blocks = f.Blocks.Describe(),
                f.Why,
                f.Statement,
                f.SafeWay,
                f.IsAccepted,
                f.AcceptedBecause,
            }),
            NotAnalysed = report.NotAnalysed.Select(n => new { n.Version, n.Description, n.Statement }),
            report.Problems,
        });

    private static void Print(LintReport report, long? only, bool ranged)
    {
        foreach (var finding in report.Findings)
        {
            var size = finding.Size is null ? "" : $" ({finding.Size})";
            var accepted = finding.IsAccepted ? $", accepted: {finding.AcceptedBecause}" : "";
            Console.WriteLine($"{Printable.Field(finding.Migration)}: {finding.Rule} on {finding.Table}{size}{accepted}");
            Console.WriteLine($"  why: {finding.Why}");
            Console.WriteLine($"  lock: {finding.Lock.ToSql()} on {finding.Table}, blocks {finding.Blocks.Describe()}");
            Console.WriteLine($"  statement: {Printable.Text(finding.Statement)}");
            if (!finding.IsAccepted)
            {
                Console.WriteLine($"  instead: {finding.SafeWay}");
            }
        }

        foreach (var statement in report.NotAnalysed)
        {
            Console.WriteLine(statement);
        }

        foreach (var problem in report.Problems)
        {
            Console.WriteLine(Printable.Text(problem));
        }

        Console.WriteLine(Summary(report, only, ranged));
    }

    private static string Summary(LintReport report, long? only, bool ranged)
    {
        var skipped = report.SkippedApplied == 0 || !ranged ? ""
            : $" ({report.SkippedApplied} applied migration(s) in the range are not linted: what is applied is history; lint without a database to read them)";
        if (report.Linted.Count == 0)
        {
            return report.Connected
                ? $"Nothing to lint: no migration{(only is null ? "" : $" {only}")} is pending on {report.Database}{skipped}."
                : "Nothing to lint: no migration is in the range.";
        }

        var what = report.Connected
            ? $"{report.Linted.Count} pending migration(s) on {report.Database}"
            : $"{report.Linted.Count} migration(s) with no database (every one in the range, whether applied or not)";
        var problems = report.Problems.Count == 0 ? "" : $", {report.Problems.Count} problem(s)";
        var notAnalysed = report.NotAnalysed.Count == 0 ? "" : $"; {report.NotAnalysed.Count} statement(s) not analysed";
        return report.Findings.Count == 0 && report.Problems.Count == 0
            ? $"No lock hazard in {what}{skipped}{notAnalysed}."
            : $"Linted {what}: {report.Hazards.Count} lock hazard(s), {report.Accepted.Count} accepted{problems}{skipped}{notAnalysed}.";
    }
}
