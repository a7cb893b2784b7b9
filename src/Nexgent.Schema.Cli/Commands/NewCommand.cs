using System.CommandLine;
using Nexgent.Schema.Runner.Authoring;

namespace Nexgent.Schema.Cli.Commands;

/// <summary><c>new &lt;name&gt;</c>: write a new migration class to fill in. Needs no database.</summary>
internal sealed class NewCommand : Command
{
    private readonly Argument<string> name = new("name") { Description = "What the migration does, e.g. add_notifications." };

    private readonly Option<string> directory = new("--directory", "-d")
    {
        Description = $"The folder of migration classes (default: {MigrationScaffolder.DefaultDirectory}).",
        DefaultValueFactory = _ => MigrationScaffolder.DefaultDirectory,
    };

    public NewCommand(GlobalOptions options)
        : base("new", "Write a new migration class, versioned with the current UTC time, with Up and Down to fill in.")
    {
        Arguments.Add(name);
        Options.Add(directory);
        SetAction(parsed => CommandExecution.Guarded(parsed, options, () =>
        {
            var file = MigrationScaffolder.Create(parsed.GetValue(name)!, parsed.GetValue(directory)!, DateTime.UtcNow);
            Console.WriteLine($"Created {Path.GetRelativePath(Environment.CurrentDirectory, file)}; fill in Up and Down, then `dotnet fm migrate --preview`.");
            return ExitCodes.Success;
        }));
    }
}
