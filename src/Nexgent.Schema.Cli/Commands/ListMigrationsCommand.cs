using System.CommandLine;
using Nexgent.Schema.Runner;

namespace Nexgent.Schema.Cli.Commands;

/// <summary><c>list migrations</c>: every migration with its state and when it was applied.</summary>
internal sealed class ListMigrationsCommand : Command
{
    private readonly Option<bool> json = new("--json") { Description = "Print the migrations as JSON." };

    public ListMigrationsCommand(SharedOptions options)
        : base("migrations", "List the migrations: applied (with when), pending, and applied ones no assembly knows.")
    {
        options.AddTo(this, options.Database, options.Migrations, [json], options.FluentMigratorRefused);
        SetAction(parsed => CommandExecution.Run(parsed, options, runner =>
        {
            var migrations = runner.ListMigrations();
            if (parsed.GetValue(json))
            {
                Json.Print(migrations.Select(m => new { m.Version, m.Description, m.AppliedOn, m.Status }));
            }
            else
            {
                Print(migrations);
            }
        }));
    }

    private static void Print(IReadOnlyList<MigrationState> migrations)
    {
        Console.WriteLine($"{"Version",-15} {"Applied on (UTC)",-20} {"Status",-9} Description");
        foreach (var m in migrations)
        {
            var appliedOn = m.AppliedOn is { } at ? at.ToString("yyyy-MM-dd HH:mm:ss") : "";
            Console.WriteLine($"{m.Version,-15} {appliedOn,-20} {m.Status,-9} {Printable.Field(m.Description)}");
        }

        var failed = migrations.Count(m => m.IsFailed);
        var applied = migrations.Count(m => m.IsApplied && !m.IsFailed);
        var pending = migrations.Count - applied - failed;
        Console.WriteLine(failed == 0 ? $"{applied} applied, {pending} pending." : $"{applied} applied, {pending} pending, {failed} failed.");
    }
}
