using System.CommandLine;

namespace Nexgent.Schema.Cli;

/// <summary>
/// The options several verbs read, named as in FluentMigrator's dotnet-fm. Each verb adds the ones it reads (<see cref="AddTo"/>),
/// so that its --help lists exactly those. A verb with sub-verbs (<c>migrate up</c>, <c>rollback to</c>) gives them the same
/// options, which go before the sub-verb, as in FluentMigrator's dotnet-fm, or after it.
/// </summary>
public sealed class SharedOptions
{
    public Option<string?> Connection { get; } = new("--connection", "-c")
    {
        Description = "The database: a postgresql:// URL or an Npgsql connection string. Default: the DATABASE_URL environment variable.",
    };

    public Option<string[]> Assemblies { get; } = new Option<string[]>("--assembly", "-a")
    {
        Description = "A migration assembly (.dll), loaded as it is, without building; repeat for several. Default: the migrations project, built first (see --project).",
        AllowMultipleArgumentsPerToken = true,
    }.NoOptionsAsPaths();

    public Option<string?> Project { get; } = new("--project")
    {
        Description = "The migrations project (.csproj or its folder) to build and run when no -a is given. Default: the project named in .config/dotnet-fm.json, else the one in the current folder.",
    };

    public Option<bool> NoBuild { get; } = new("--no-build")
    {
        Description = "Run the migrations project as last built, without building it.",
    };

    public Option<string> Processor { get; } = new("--processor", "-p")
    {
        Description = "The database kind; only PostgreSQL is supported.",
        DefaultValueFactory = _ => "PostgreSQL",
    };

    public Option<int?> Timeout { get; } = new Option<int?>("--timeout")
    {
        Description = "Seconds one SQL command may run before it is cancelled (default 0: no limit; --lock-timeout is what guards a live database).",
    }.Seconds();

    // No default value here: a verb without the option leaves the runner's own (SchemaRunnerOptions), which the
    // descriptions give.
    public Option<int?> LockWait { get; } = new Option<int?>("--lock-wait")
    {
        Description = "Seconds to wait for another runner's migration lock on the same database (default 120).",
    }.Seconds();

    public Option<int?> LockTimeout { get; } = new Option<int?>("--lock-timeout")
    {
        Description = "Seconds a statement may wait for a table lock before the migration fails (PostgreSQL lock_timeout; default 5).",
    }.MillisecondSetting("lock_timeout");

    public Option<bool> Verbose { get; } = new("--verbose", "-V")
    {
        Description = "Show each SQL statement, and the stack trace of an error.",
    };

    public Option<bool> ShowRowValues { get; } = new("--show-row-values")
    {
        Description = "Let an error quote the rows a constraint violation met (a duplicate key, a failing row); withheld by default, as they may be sensitive.",
    };

    public Option<bool> Preview { get; } = new("--preview")
    {
        Description = "Print the SQL that would run, without running it.",
    };

    public Option<string?> Output { get; } = new("--output", "-o")
    {
        Description = "Also write the SQL (UTF-8, no byte-order mark) to this file; a file that cannot be written stops the command before anything runs.",
    };

    /// <summary>FluentMigrator's <c>-t|--tag</c>.</summary>
    public Option<string[]> Tags { get; } = new("--tag", "-t") { Description = TagsDescription };

    /// <summary>
    /// <see cref="Tags"/> on <c>migrate up</c> and <c>migrate down</c>, where <c>-t</c> is <c>--target</c>, as in
    /// FluentMigrator's dotnet-fm (<c>dotnet fm migrate -t eu up -t V</c>).
    /// </summary>
    private readonly Option<string[]> tagsBesideTarget = new("--tag") { Description = TagsDescription };

    private const string TagsDescription = "Also run the migrations (and maintenance migrations) tagged [Tags(\"this\")], matched as FluentMigrator matches them: given several (repeated, or separated by commas), a migration runs when it carries them all. Untagged ones always run; without --tag, tagged ones do not.";

    public Option<string?> Profile { get; } = new("--profile")
    {
        Description = "After migrating up (migrate, deploy, reset), apply the FluentMigrator profile [Profile(\"this\")]; not versioned, it runs every time.",
    };

    public Option<bool> AllowBreakingChanges { get; } = new("--allow-breaking-changes", "-b")
    {
        Description = "Apply migrations marked [Migration(..., BreakingChange = true)]; without it, a run that would apply one applies nothing.",
    };

    public Option<string?> TransactionMode { get; } = new Option<string?>("--transaction-mode", "-m")
    {
        Description = "Migration (the default, and the only mode): each migration in a transaction of its own. FluentMigrator's Session is refused.",
    }.TransactionModes();

    /// <summary>FluentMigrator's options that dotnet fm refuses with a sentence (hidden), one instance for every verb.</summary>
    private readonly Option[] notSupported = FluentMigratorOptions.NotSupported().ToArray();

    /// <summary>FluentMigrator's --profile on a verb that applies none: refused with a sentence (hidden).</summary>
    private readonly Option<string?> profileRefused = new("--profile") { Hidden = true };

    /// <summary>Which migrations: -a, --project, --no-build, --tag.</summary>
    public IEnumerable<Option> Migrations => [Assemblies, Project, NoBuild, Tags];

    /// <summary><see cref="Migrations"/> under <c>migrate up</c> and <c>migrate down</c>, whose -t is --target.</summary>
    public IEnumerable<Option> MigrationsBesideTarget => [Assemblies, Project, NoBuild, tagsBesideTarget];

    /// <summary>The database: -c, -p.</summary>
    public IEnumerable<Option> Database => [Connection, Processor];

    /// <summary>A run that applies or rolls back migrations.</summary>
    public IEnumerable<Option> Run => [Timeout, LockWait, LockTimeout, ShowRowValues, Preview, Output];

    /// <summary>A run up: the profile applied after it, and breaking changes.</summary>
    public IEnumerable<Option> Up => [Profile, AllowBreakingChanges];

    /// <summary>
    /// The options of FluentMigrator's dotnet-fm that its verbs (migrate, rollback, list migrations, validate versions)
    /// take and dotnet fm does not: refused with a sentence, hidden from the help.
    /// </summary>
    public IEnumerable<Option> FluentMigratorRefused => notSupported;

    /// <summary>Adds <paramref name="sets"/> of options to <paramref name="command"/>, and -V, which every verb reads.</summary>
    public void AddTo(Command command, params IEnumerable<Option>[] sets)
    {
        foreach (var option in sets.SelectMany(set => set).Append(Verbose))
        {
            command.Options.Add(option);
        }
    }

    /// <summary>
    /// A verb that rolls back applies no profile (FluentMigrator's rollback applies none either): --profile there,
    /// or before it on <c>migrate</c>, is refused, not ignored.
    /// </summary>
    public void RefuseProfile(Command command)
    {
        command.Options.Add(profileRefused);
        command.Validators.Add(result =>
        {
            var invoked = !result.Children.OfType<System.CommandLine.Parsing.CommandResult>().Any();
            if (invoked && (result.GetValue(Profile) ?? result.GetValue(profileRefused)) is not null)
            {
                result.AddError($"--profile is applied after migrating up (migrate, deploy, reset); `{CommandPath(command)}` applies none, so leave it out.");
            }
        });
    }

    private static string CommandPath(Command command)
        => string.Join(' ', command.Parents.OfType<Command>().Where(c => c is not RootCommand).Select(c => c.Name).Reverse().Append(command.Name));

    /// <summary>The tags given, each --tag possibly holding several separated by commas.</summary>
    public IReadOnlyList<string> TagsOf(ParseResult parsed)
        => (parsed.GetValue(Tags) ?? []).Concat(parsed.GetValue(tagsBesideTarget) ?? []).SelectMany(t => t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct().ToList();
}
