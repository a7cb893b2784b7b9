using System.Reflection;

namespace Nexgent.Schema.Runner;

public sealed class SchemaRunnerOptions
{
    /// <summary>An Npgsql key/value string or a <c>postgresql://</c> URL.</summary>
    public string ConnectionString { get; set; } = "";

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

    /// <summary>Also write the SQL that runs (or would run, with <see cref="Preview"/>) to this file.</summary>
    public string? SqlOutputFile { get; set; }

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
