using System.CommandLine;
using Nexgent.Schema.Runner;

namespace Nexgent.Schema.Cli.Commands;

/// <summary><c>status</c>: applied, pending and unknown migrations; exit 0 only when up to date.</summary>
internal sealed class StatusCommand : Command
{
    private readonly Option<bool> json = new("--json") { Description = "Print the status as JSON." };

    public StatusCommand(SharedOptions options)
        : base("status", $"Show applied, pending and unknown migrations; exit {ExitCodes.Success} when up to date, {ExitCodes.NotUpToDate} otherwise.")
    {
        options.AddTo(this, options.Database, options.Migrations, [json]);
        SetAction(parsed => CommandExecution.Run(parsed, options, runner =>
        {
            var status = runner.Status();
            if (parsed.GetValue(json))
            {
                Json.Print(new
                {
                    status.Database,
                    status.CurrentVersion,
                    status.IsUpToDate,
                    Applied = status.Applied.Select(m => new { m.Version, m.Description, m.AppliedOn }),
                    Pending = status.Pending.Select(m => new { m.Version, m.Description }),
                    Unknown = status.Unknown.Select(m => new { m.Version, m.Description, m.AppliedOn }),
                    status.Failed,
                    Unrecorded = status.Unrecorded.ToString(),
                });
            }
            else
            {
                Print(status);
            }

            return status.IsUpToDate ? ExitCodes.Success : ExitCodes.NotUpToDate;
        }));
    }

    private static void Print(SchemaStatus status)
    {
        Console.WriteLine($"{Printable.Field(status.Database)} is at version {status.CurrentVersion}: {status.Applied.Count} applied, {status.Pending.Count} pending, {status.Unknown.Count} unknown, {status.Failed.Count} failed.");
        foreach (var m in status.Failed)
        {
            Console.WriteLine($"  failed   {m.Version} {Printable.Field(m.Description)}: {Printable.Field(m.Reason)} (dirty: repair, then `{FmCommandLine.Invocation} resolve`)");
        }

        foreach (var m in status.Pending)
        {
            Console.WriteLine($"  pending  {m.Version} {Printable.Field(m.Description)}");
        }

        foreach (var m in status.Unknown)
        {
            Console.WriteLine($"  unknown  {m.Version} {Printable.Field(m.Description)} (applied {m.AppliedOn:yyyy-MM-dd HH:mm:ss}, absent from the assemblies)");
        }

        Console.WriteLine(status switch
        {
            { IsUpToDate: true } => "Up to date.",
            { Failed.Count: > 0 } => $"Not up to date: a migration failed midway; repair the database, then `{FmCommandLine.Invocation} resolve`.",
            { Unrecorded: UnrecordedSchema.Prisma } => $"Not up to date: Prisma migrated this database and it records no FluentMigrator version; adopt it with `{FmCommandLine.Invocation} baseline --from-prisma`, then `{FmCommandLine.Invocation} migrate`.",
            { Unrecorded: UnrecordedSchema.Other } => $"Not up to date: the database holds tables but records no migration; record the version its schema is with `{FmCommandLine.Invocation} baseline --version V`, then `{FmCommandLine.Invocation} migrate`.",
            { Pending.Count: > 0 } => $"Not up to date: run `{FmCommandLine.Invocation} migrate`.",
            _ => "Not up to date: the database has migrations the assemblies lack.",
        });
    }
}
