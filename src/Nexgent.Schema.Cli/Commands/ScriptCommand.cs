using System.CommandLine;
using FluentMigrator;
using Nexgent.Schema.Runner;
using Nexgent.Schema.Runner.Scripting;

namespace Nexgent.Schema.Cli.Commands;

/// <summary>
/// <c>script</c>: the SQL of a range of migrations as one psql script for a DBA, with the runner's lock, lock timeout,
/// transactions, version rows and journal rows (<see cref="MigrationScripter"/>). Nothing connects: -c or DATABASE_URL
/// only names the schema the script is written for. To -o, or to standard output.
/// </summary>
internal sealed class ScriptCommand : Command
{
    private readonly Option<long?> from = new Option<long?>("--from")
    {
        Description = "The version the database is at when the script runs (0: empty). Default: 0; with --down, the latest.",
    }.Version(zero: "for an empty database");

    private readonly Option<long?> to = new Option<long?>("--to")
    {
        Description = "The version the script leaves it at: up to this one, included (default: the latest); with --down, back to this one (required; 0: none).",
    }.Version(zero: "for none");

    private readonly Option<bool> down = new("--down")
    {
        Description = "Roll back instead: the Down of each migration from --from (included) down to --to (excluded), newest first; what `rollback to <--to>` does on a database at --from.",
    };

    private readonly Option<bool> idempotent = new("--idempotent")
    {
        Description = "Run each migration only when the version table, read under the migration lock, says it is still to run: running the script twice changes nothing. Without it, the script stops, changing nothing, unless the database is at --from.",
    };

    public ScriptCommand(SharedOptions options)
        : base("script", "Write the SQL of migrations as one script for psql (run it with psql -v ON_ERROR_STOP=1 -f FILE), with dotnet fm's migration lock, lock timeout, one transaction per migration, version rows and journal rows with their checksums; connects to nothing (-c or DATABASE_URL only names the schema). To -o FILE, else to standard output.")
    {
        options.AddTo(this, options.Database, options.Migrations, [options.LockWait, options.LockTimeout, options.Output, options.AllowBreakingChanges, from, to, down, idempotent]);
        Validators.Add(result =>
        {
            if (result.GetValue(down) && result.GetValue(to) is null)
            {
                result.AddError("Give --down the version to roll back to with --to V (0 for none).");
            }
        });
        SetAction(parsed => CommandExecution.Guarded(parsed, options, () =>
        {
            using var scope = RunnerFactory.CreateOffline(parsed, options);
            var script = scope.Get<MigrationScripter>().Script(parsed.GetValue(from), parsed.GetValue(to), parsed.GetValue(down), parsed.GetValue(idempotent));
            if (parsed.GetValue(options.Output) is not { } file)
            {
                Console.Out.Write(script.Sql);
                return ExitCodes.Success;
            }

            script.WriteTo(file);
            var what = script.Direction == MigrationDirection.Up ? "up" : "rolled back";
            Console.WriteLine($"Wrote {file}: {script.Steps.Count} migration(s) {what}, schema {Identifier.Quote(script.Schema)} from version {script.From} to {script.To}{(script.Idempotent ? ", idempotent" : "")}.");
            Console.WriteLine($"Run it with: psql -v ON_ERROR_STOP=1 -f {file} <connection> (a URL without Prisma's ?schema=, which psql refuses: the script sets the schema itself)");
            return ExitCodes.Success;
        }));
    }
}
