using System.CommandLine;
using Nexgent.Schema.Cli.Loading;
using Nexgent.Schema.Runner;
using Nexgent.Schema.Runner.Authoring;
using Nexgent.Schema.Runner.Generation;

namespace Nexgent.Schema.Cli.Commands;

/// <summary>
/// <c>new &lt;name&gt;</c>: write a new migration class into the migrations project. Needs no database; with
/// <c>--from-db URL</c>, the class is generated from what that database has and the migrations do not build, and proven.
/// </summary>
internal sealed class NewCommand : Command
{
    private readonly Argument<string> name = new("name") { Description = "What the migration does, e.g. add_notifications." };

    private readonly Option<string?> directory = new("--directory", "-d")
    {
        Description = "The folder to write the class into. Default: the migrations project's folder of migrations (see --project).",
    };

    private readonly Option<string?> fromDb = new("--from-db")
    {
        Description = "Generate Up and Down from this database (a postgresql:// URL or Npgsql keywords): what it has that the migrations do not build, compared and proven on a shadow database beside it. It is only read.",
    };

    private readonly Option<string[]> rename = new("--rename")
    {
        Description = "With --from-db: a rename to generate instead of a drop and an add, as table.old_column=new_column or old_table=new_table; repeat for several. On a terminal, you are asked about each likely rename instead.",
        AllowMultipleArgumentsPerToken = false,
    };

    public NewCommand(SharedOptions options)
        : base("new", "Write a new migration class, versioned with the current UTC time, with Up and Down to fill in, or generated from a database changed by hand (--from-db).")
    {
        Arguments.Add(name);
        // -a, --no-build and --tag choose the migrations --from-db compares the database with.
        options.AddTo(this, [directory, fromDb, rename], options.Migrations);
        SetAction((parsed, cancellation) => parsed.GetValue(fromDb) is { } url
            ? CommandExecution.GuardedCancellable(parsed, options, cancellation, token => Generate(parsed, options, url, token))
            : Task.FromResult(CommandExecution.Guarded(parsed, options, () => Scaffold(parsed, options))));
    }

    private int Scaffold(ParseResult parsed, SharedOptions options)
    {
        if (parsed.GetValue(rename) is { Length: > 0 })
        {
            throw new CliException("--rename says how to generate a rename, so it goes with --from-db; add --from-db URL or leave --rename out.");
        }

        var destination = Destination(parsed, options);
        var file = MigrationScaffolder.Create(parsed.GetValue(name)!, destination.Folder, destination.Namespace, destination.BuildingBlocks, DateTime.UtcNow);
        Console.WriteLine($"Created {Path.GetRelativePath(Environment.CurrentDirectory, file)}.");
        Console.WriteLine("Fill in Up and Down, then:");
        PrintNext(parsed, options,
            ("migrate --preview", "build the project and print the SQL it would run"),
            ("migrate", "apply it to DATABASE_URL (or -c)"),
            ("rollback", "run its Down"));
        return ExitCodes.Success;
    }

    private int Generate(ParseResult parsed, SharedOptions options, string url, CancellationToken cancellation)
    {
        var migration = MigrationName.Parse(parsed.GetValue(name)!);
        var destination = Destination(parsed, options);
        var version = MigrationScaffolder.VersionAt(destination.Folder, DateTime.UtcNow);
        var file = MigrationScaffolder.FileFor(destination.Folder, migration, version);
        var database = DatabaseConnection.Parse(url);
        var request = new GenerationRequest(migration, destination.Namespace, version, Renames.Parse(parsed.GetValue(rename) ?? []), AskOnTerminal);
        GenerationResult result;
        try
        {
            result = DatabaseMigrationGenerator.Generate(database, RunnerFactory.MigrationAssemblies(parsed, options), options.TagsOf(parsed), request, new RoslynMigrationCompiler(), cancellation);
        }
        catch (GenerationNotProvenException e) when (parsed.GetValue(options.Verbose))
        {
            Console.Error.WriteLine(e.GeneratedSource);
            throw;
        }

        File.WriteAllText(file, result.Source);
        Console.WriteLine($"Created {Path.GetRelativePath(Environment.CurrentDirectory, file)}, generated from {database.Describe()} and proven on a shadow database: its Up builds that schema from the migrations at version {result.Previous}, and its Down gives that version back.");
        foreach (var line in GenerationSummary.Lines(result.Up))
        {
            Console.WriteLine($"  {line}");
        }

        foreach (var candidate in result.Unconfirmed)
        {
            Console.WriteLine($"note: {candidate.Described}? It was generated as a drop and an add, which loses the values; if it is a rename, run again with --rename {candidate.Option}.");
        }

        foreach (var note in result.Notes)
        {
            Console.WriteLine($"note: {note} A migration can only add a column last; the class is proven otherwise.");
        }

        var reviews = result.Source.Split('\n').Count(l => l.TrimStart().StartsWith(MigrationWriter.Review, StringComparison.Ordinal));
        Console.WriteLine(reviews == 0
            ? "Read it, then, on the database you changed (-c or DATABASE_URL):"
            : $"Read it, {reviews} step(s) marked {MigrationWriter.Review} first, then, on the database you changed (-c or DATABASE_URL):");
        PrintNext(parsed, options,
            ($"baseline --version {version}", "record that it already has this schema (compared once more)"),
            ("rollback", "run its Down"),
            ("migrate", "and its Up again"));
        return ExitCodes.Success;
    }

    private WriteDestination Destination(ParseResult parsed, SharedOptions options)
        => MigrationsProject.WriteDestinationOf(parsed.GetValue(options.Project), parsed.GetValue(directory), Environment.CurrentDirectory);

    /// <summary>The commands to run next, each with its --project when one was given, and what it does.</summary>
    private static void PrintNext(ParseResult parsed, SharedOptions options, params (string Verb, string Why)[] next)
    {
        var project = parsed.GetValue(options.Project) is { } path ? $" --project {path}" : "";
        var commands = next.Select(n => $"dotnet fm {n.Verb}{project}").ToList();
        foreach (var (command, why) in commands.Zip(next.Select(n => n.Why)))
        {
            Console.WriteLine($"  {command.PadRight(commands.Max(c => c.Length))}   # {why}");
        }
    }

    /// <summary>On a terminal, a likely rename is the author's to confirm; a script gets drop and add, and the note saying how to ask for the rename.</summary>
    private static bool AskOnTerminal(RenameCandidate candidate)
    {
        if (Console.IsInputRedirected)
        {
            return false;
        }

        Console.Write($"Is this a rename: {candidate.Described}? [y/N] ");
        return Console.ReadLine()?.Trim() is { Length: > 0 } answer && char.ToLowerInvariant(answer[0]) == 'y';
    }
}
