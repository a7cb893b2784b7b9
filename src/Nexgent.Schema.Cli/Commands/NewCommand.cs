using System.CommandLine;
using Nexgent.Schema.Cli.Loading;
using Nexgent.Schema.Runner.Authoring;

namespace Nexgent.Schema.Cli.Commands;

/// <summary><c>new &lt;name&gt;</c>: write a new migration class into the migrations project. Needs no database.</summary>
internal sealed class NewCommand : Command
{
    private readonly Argument<string> name = new("name") { Description = "What the migration does, e.g. add_notifications." };

    private readonly Option<string?> directory = new("--directory", "-d")
    {
        Description = "The folder to write the class into. Default: the migrations project's folder of migrations (see --project).",
    };

    public NewCommand(GlobalOptions options)
        : base("new", "Write a new migration class, versioned with the current UTC time, with Up and Down to fill in.")
    {
        Arguments.Add(name);
        Options.Add(directory);
        SetAction(parsed => CommandExecution.Guarded(parsed, options, () =>
        {
            var projectOption = parsed.GetValue(options.Project);
            var given = parsed.GetValue(directory);
            var project = given is null || projectOption is not null
                ? MigrationsProject.Locate(projectOption, Environment.CurrentDirectory)
                : MigrationsProject.TryLocate(Environment.CurrentDirectory);
            var folder = given is not null ? Path.GetFullPath(given) : project!.MigrationsFolder();
            var defaultNamespace = project?.DefaultNamespace(folder) ?? Path.GetFileName(folder);
            var file = MigrationScaffolder.Create(parsed.GetValue(name)!, folder, defaultNamespace, DateTime.UtcNow);

            var fm = projectOption is null ? "dotnet fm" : $"dotnet fm --project {projectOption}";
            Console.WriteLine($"Created {Path.GetRelativePath(Environment.CurrentDirectory, file)}.");
            Console.WriteLine("Fill in Up and Down, then:");
            Console.WriteLine($"  {fm} migrate --preview   # build the project and print the SQL it would run");
            Console.WriteLine($"  {fm} migrate             # apply it to DATABASE_URL (or -c)");
            Console.WriteLine($"  {fm} rollback            # run its Down");
            return ExitCodes.Success;
        }));
    }
}
