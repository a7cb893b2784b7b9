using System.Reflection;

namespace Nexgent.Schema.Runner;

public sealed class SchemaRunnerOptions
{
    /// <summary>An Npgsql key/value string or a <c>postgresql://</c> URL.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>
    /// Make the runner with no database (FluentMigrator's <c>--no-connection</c>): nothing connects, ever. What reads only
    /// the migrations' code works (<see cref="SchemaRunner.Lint"/>, listing the migrations the assemblies hold, their
    /// SQL); what needs the database throws <see cref="NoDatabaseException"/> before connecting, and so does a migration
    /// that asks the database while it builds its expressions (<c>Schema.Table(...).Exists()</c>). The SQL is written for
    /// the schema <see cref="ConnectionString"/> names when one is given (it is parsed, not connected to), else public.
    /// </summary>
    public bool NoConnection { get; set; }

    /// <summary>Assemblies holding FluentMigrator migrations; at least one.</summary>
    public IList<Assembly> MigrationAssemblies { get; } = [];

    /// <summary>
    /// How long one SQL command may run before it is cancelled. Default: no limit, because a data step on a
    /// production table may take minutes; lock_timeout (<see cref="LockTimeout"/>) is what keeps a blocked
    /// migration from stalling the application.
    /// </summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.Zero;

    /// <summary>Print the SQL that would run instead of running it.</summary>
    public bool Preview { get; set; }

    /// <summary>
    /// Also write the SQL that runs (or would run, with <see cref="Preview"/>) to this file, UTF-8 without a byte-order
    /// mark. A file that cannot be written fails the runner's creation, before anything runs
    /// (<see cref="SqlOutputFileException"/>).
    /// </summary>
    public string? SqlOutputFile { get; set; }

    /// <summary>
    /// Where the SQL is shown: the script of a <see cref="Preview"/>, and each statement as it runs with
    /// <see cref="ShowSql"/>. Default: standard output. <see cref="SqlOutputFile"/> gets the same SQL as well.
    /// </summary>
    public TextWriter? SqlWriter { get; set; }

    /// <summary>
    /// FluentMigrator's tags: also run the tagged migrations (and maintenance migrations) these match, as
    /// FluentMigrator matches them (by default a migration must carry every tag given); untagged ones always run.
    /// Empty (the default): only untagged ones, as in FluentMigrator.
    /// </summary>
    public IList<string> Tags { get; } = [];

    /// <summary>
    /// The FluentMigrator profile (<c>[Profile("name")]</c>) to apply after every run that migrates up, as
    /// FluentMigrator's MigrateUp does; it is not versioned and runs every time. Default: none.
    /// </summary>
    public string? Profile { get; set; }

    /// <summary>
    /// Let migrations marked <c>[Migration(..., BreakingChange = true)]</c> run. Without it, a run that would apply
    /// one refuses before applying anything (<see cref="BreakingChangeRefusedException"/>).
    /// </summary>
    public bool AllowBreakingChanges { get; set; }

    /// <summary>
    /// How long a run waits for another runner's migration lock before giving up (default 2 minutes).
    /// </summary>
    public TimeSpan LockWait { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// PostgreSQL's <c>lock_timeout</c> for every statement of a run (default 5 s): a migration stuck behind a
    /// long transaction fails fast instead of making the application's queries queue behind it.
    /// </summary>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Let FluentMigrator log each statement it runs (the CLI's <c>--verbose</c>).</summary>
    public bool ShowSql { get; set; }

    /// <summary>
    /// Let error messages quote the rows a constraint violation met (PostgreSQL's DETAIL for SQLSTATE class 23,
    /// such as "Key (ref)=(A-1) already exists"); by default they are withheld, as a production database's rows
    /// may be sensitive. Other details are always shown. The CLI's <c>--show-row-values</c>.
    /// </summary>
    public bool ShowRowValuesInErrors { get; set; }
}
