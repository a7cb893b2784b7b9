using System.CommandLine;

namespace Nexgent.Schema.Cli.Commands;

/// <summary><c>list processors</c>: the database kinds -p accepts (FluentMigrator's dotnet-fm lists its processors).</summary>
internal sealed class ListProcessorsCommand : Command
{
    public ListProcessorsCommand(SharedOptions options)
        : base("processors", "List the processors -p accepts: PostgreSQL, and the other names it goes by.")
    {
        SetAction(parsed => CommandExecution.Guarded(parsed, options, () =>
        {
            Console.WriteLine(Processors.PostgreSql);
            Console.WriteLine($"  also accepted as -p (any case): {string.Join(", ", Processors.Aliases)}");
            return ExitCodes.Success;
        }));
    }
}
