using System.CommandLine;

namespace Nexgent.Schema.Cli.Commands;

/// <summary><c>list</c>: groups <c>list migrations</c> and <c>list processors</c>.</summary>
internal sealed class ListCommand : Command
{
    public ListCommand(SharedOptions options)
        : base("list", "List things; see `list migrations` and `list processors`.")
    {
        Subcommands.Add(new ListMigrationsCommand(options));
        Subcommands.Add(new ListProcessorsCommand(options));
    }
}
