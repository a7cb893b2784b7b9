using System.Reflection;

namespace Nexgent.Schema.Runner;

public sealed class SchemaRunnerOptions
{
    /// <summary>An Npgsql key/value string or a <c>postgresql://</c> URL.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Assemblies holding FluentMigrator migrations; at least one.</summary>
    public IList<Assembly> MigrationAssemblies { get; } = [];

    /// <summary>How long one SQL command may run; <c>null</c> keeps Npgsql's default (30 s).</summary>
    public TimeSpan? CommandTimeout { get; set; }

    /// <summary>Print the SQL that would run instead of running it.</summary>
    public bool Preview { get; set; }

    /// <summary>Also write the SQL that runs (or would run, with <see cref="Preview"/>) to this file.</summary>
    public string? SqlOutputFile { get; set; }

    /// <summary>Let FluentMigrator log each statement it runs (the CLI's <c>--verbose</c>).</summary>
    public bool ShowSql { get; set; }
}
