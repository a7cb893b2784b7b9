using System.CommandLine;

namespace Nexgent.Schema.Cli.Commands;

/// <summary><c>list</c>: groups <c>list migrations</c>.</summary>
internal sealed class ListCommand : Command
{
    public ListCommand(GlobalOptions options)
        : base("list", "List things; see `list migrations`.")
    {
        Subcommands.Add(new ListMigrationsCommand(options));
    }
}
