using System.CommandLine;
using Nexgent.Schema.Cli.Commands;

namespace Nexgent.Schema.Cli;

/// <summary>The verbs and options of <c>dotnet fm</c>, after FluentMigrator's own dotnet-fm.</summary>
public static class FmCommandLine
{
    public static int Run(string[] args)
    {
        var root = Build();
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                Console.Error.WriteLine($"error: {error.Message}");
            }

            Console.Error.WriteLine("Run `dotnet fm --help` for the verbs and options.");
            return ExitCodes.Usage;
        }

        return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
    }

    public static RootCommand Build()
    {
        var options = new GlobalOptions();
        var root = new RootCommand("dotnet fm: migrate and roll back PostgreSQL databases with FluentMigrator (Nexgent's schema by default).");
        options.AddTo(root);
        root.Subcommands.Add(new MigrateCommand(options));
        root.Subcommands.Add(new RollbackCommand(options));
        root.Subcommands.Add(new ListCommand(options));
        root.Subcommands.Add(new ValidateCommand(options));
        root.Subcommands.Add(new StatusCommand(options));
        root.Subcommands.Add(new DeployCommand(options));
        root.Subcommands.Add(new ResetCommand(options));
        root.Subcommands.Add(new NewCommand(options));
        root.Subcommands.Add(new ResolveCommand(options));
        root.Subcommands.Add(new DriftCommand(options));
        root.Subcommands.Add(new BaselineCommand(options));
        return root;
    }
}
