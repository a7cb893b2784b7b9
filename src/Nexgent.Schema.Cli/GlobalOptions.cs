using System.CommandLine;

namespace Nexgent.Schema.Cli;

/// <summary>Options every verb takes, named as in FluentMigrator's dotnet-fm.</summary>
public sealed class GlobalOptions
{
    public Option<string?> Connection { get; } = new("--connection", "-c")
    {
        Description = "The database: a postgresql:// URL or an Npgsql connection string. Default: the DATABASE_URL environment variable.",
    };

    public Option<string[]> Assemblies { get; } = new("--assembly", "-a")
    {
        Description = "A migration assembly (.dll), loaded as it is, without building; repeat for several. Default: the migrations project, built first (see --project).",
        AllowMultipleArgumentsPerToken = true,
    };

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

    public Option<int?> Timeout { get; } = new("--timeout")
    {
        Description = "Seconds one SQL command may run before it is cancelled (default 0: no limit; --lock-timeout is what guards a live database).",
    };

    public Option<int> LockWait { get; } = new("--lock-wait")
    {
        Description = "Seconds to wait for another runner's migration lock on the same database (default 120).",
        DefaultValueFactory = _ => 120,
    };

    public Option<int> LockTimeout { get; } = new("--lock-timeout")
    {
        Description = "Seconds a statement may wait for a table lock before the migration fails (PostgreSQL lock_timeout; default 5).",
        DefaultValueFactory = _ => 5,
    };

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
        Description = "Also write the SQL to this file.",
    };

    public void AddTo(Command root)
    {
        foreach (var option in new Option[] { Connection, Assemblies, Project, NoBuild, Processor, Timeout, LockWait, LockTimeout, Verbose, ShowRowValues, Preview, Output })
        {
            option.Recursive = true;
            root.Options.Add(option);
        }
    }
}
