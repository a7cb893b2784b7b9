using System.CommandLine;
using System.CommandLine.Parsing;
using Nexgent.Schema.Cli.Commands;
using Nexgent.Schema.Runner;

namespace Nexgent.Schema.Cli;

/// <summary>The verbs and options of <c>dotnet fm</c>, after FluentMigrator's own dotnet-fm.</summary>
public static class FmCommandLine
{
    /// <summary>
    /// How long a cancelled verb (Ctrl-C, SIGTERM) has to cancel its statement on the server and roll back before the
    /// process ends anyway.
    /// </summary>
    private static readonly TimeSpan CancellationGrace = TimeSpan.FromSeconds(30);

    public static Task<int> RunAsync(string[] args) => RunAsync(args, Build(), "dotnet fm");

    /// <summary>How the person started this command line, for the commands that advice names: dotnet fm, or a bundle's file.</summary>
    internal static string Invocation { get; set; } = "dotnet fm";

    /// <summary>Runs <paramref name="root"/>, a command line of dotnet fm's verbs that <paramref name="invocation"/> starts.</summary>
    internal static async Task<int> RunAsync(string[] args, Command root, string invocation)
    {
        Invocation = invocation;
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                Console.Error.WriteLine($"error: {WithoutConnectionStrings(error.Message, args)}");
            }

            Console.Error.WriteLine(parsed.CommandResult.Command == root
                ? $"Run `{invocation} --help` for the verbs."
                : $"Run `{invocation} --help` for the verbs, `{invocation} {VerbPath(parsed.CommandResult)} --help` for its options.");
            return ExitCodes.Usage;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = CancellationGrace });
    }

    private static string VerbPath(CommandResult verb)
        => verb.Parent is CommandResult { Parent: not null } parent ? $"{VerbPath(parent)} {verb.Command.Name}" : verb.Command.Name;

    /// <summary>
    /// A connection string typed where another argument was expected is not quoted back: a malformed one could hold
    /// its password anywhere.
    /// </summary>
    private static string WithoutConnectionStrings(string message, string[] args)
        => PasswordMask.Written(args
            .Where(a => a.Contains("://", StringComparison.Ordinal) || a.Contains("password", StringComparison.OrdinalIgnoreCase) || a.Contains("pwd", StringComparison.OrdinalIgnoreCase))
            .Aggregate(message, (text, connection) => text.Replace(connection, "(a connection string)", StringComparison.Ordinal)));

    public static RootCommand Build()
        => AddTo(new RootCommand("dotnet fm: migrate and roll back PostgreSQL databases with FluentMigrator migrations, built from your migrations project."));

    /// <summary>Adds dotnet fm's verbs, each with its options, to <paramref name="root"/>: the tool's root command, or a bundle's.</summary>
    internal static TCommand AddTo<TCommand>(TCommand root)
        where TCommand : Command
    {
        var options = new SharedOptions();
        root.Subcommands.Add(new MigrateCommand(options));
        root.Subcommands.Add(new RollbackCommand(options));
        root.Subcommands.Add(new ListCommand(options));
        root.Subcommands.Add(new ValidateCommand(options));
        root.Subcommands.Add(new LintCommand(options));
        root.Subcommands.Add(new ScriptCommand(options));
        root.Subcommands.Add(new StatusCommand(options));
        root.Subcommands.Add(new DeployCommand(options));
        root.Subcommands.Add(new ResetCommand(options));
        root.Subcommands.Add(new NewCommand(options));
        root.Subcommands.Add(new ResolveCommand(options));
        root.Subcommands.Add(new DriftCommand(options));
        root.Subcommands.Add(new BaselineCommand(options));
        root.Subcommands.Add(new BundleCommand(options));
        root.Subcommands.Add(new ImportPrismaCommand(options));
        return root;
    }
}
