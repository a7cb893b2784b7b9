using Npgsql;

namespace Nexgent.Schema.Runner;

/// <summary>
/// The database a runner works on, from an Npgsql key/value string (<see cref="ConnectionKeywords"/>) or a URL as Prisma
/// and Nexgent's backend write it (<see cref="ConnectionUrl"/>, <c>postgresql://user:pass@host:5432/nexgent?schema=public</c>).
/// </summary>
public sealed class DatabaseConnection
{
    internal const string DefaultSchema = "public";

    /// <summary>What pg_stat_activity shows for the runner's sessions, unless the connection string names another.</summary>
    internal const string DefaultApplicationName = "dotnet-fm";

    private DatabaseConnection(NpgsqlConnectionStringBuilder builder, string schema, bool showsRowValuesInErrors = false, bool isOffline = false)
    {
        builder.ApplicationName ??= DefaultApplicationName;

        // What an error message needs and Npgsql leaves out unless asked: PostgreSQL's DETAIL, which says why most
        // statements fail (DatabaseErrors withholds the ones that quote rows instead), and the statement that failed.
        builder.IncludeErrorDetail = true;
        builder.IncludeFailedBatchedCommand = true;
        Builder = builder;
        Schema = schema;
        ShowsRowValuesInErrors = showsRowValuesInErrors;
        IsOffline = isOffline;
    }

    /// <summary>The schema that holds the migrated objects and the version table.</summary>
    public string Schema { get; }

    /// <summary>
    /// The connection string every session opens with. A runner made with no database
    /// (<see cref="SchemaRunnerOptions.NoConnection"/>) has none: whatever would connect asks for it, and fails here, before
    /// any connection is attempted.
    /// </summary>
    internal string ConnectionString => IsOffline ? throw new NoDatabaseException(Schema) : Builder.ConnectionString;

    /// <summary>
    /// Whether this stands for no database at all (<see cref="SchemaRunnerOptions.NoConnection"/>): only the schema is
    /// known, the one the migrations' SQL is written for, and nothing connects.
    /// </summary>
    public bool IsOffline { get; }

    /// <summary>
    /// The search path every session of the runner has: the one the connection string names, else the schema alone, so
    /// that unqualified names in a migration's SQL land in the schema. A script sets the same.
    /// </summary>
    internal string SessionSearchPath => Builder.SearchPath ?? Runner.SearchPath.Of(Schema);

    public string Host => Builder.Host ?? "localhost";

    public int Port => Builder.Port;

    public string? Database => Builder.Database;

    public string? Username => Builder.Username;

    internal string? Password => Builder.Password;

    /// <summary>Whether errors quote the rows a constraint violation met (<see cref="SchemaRunnerOptions.ShowRowValuesInErrors"/>).</summary>
    internal bool ShowsRowValuesInErrors { get; }

    internal string SslModeForLibpq => Builder.SslMode switch
    {
        SslMode.Disable => "disable",
        SslMode.Allow => "allow",
        SslMode.Require => "require",
        SslMode.VerifyCA => "verify-ca",
        SslMode.VerifyFull => "verify-full",
        _ => "prefer",
    };

    private NpgsqlConnectionStringBuilder Builder { get; }

    internal static DatabaseConnection Parse(string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new SchemaRunnerException(
                "No connection string was given; pass -c \"postgresql://user:password@host:5432/database\" or set DATABASE_URL.");
        }

        var trimmed = value.Trim();
        var (builder, schema) = ConnectionUrl.IsUrl(trimmed) ? ConnectionUrl.Parse(trimmed) : ConnectionKeywords.Parse(trimmed);
        if (Identifier.Unusable(schema) is { } reason)
        {
            throw new SchemaRunnerException(
                $"The schema name '{schema.Replace("\0", "\\0", StringComparison.Ordinal)}' cannot be used: {reason}; name another with ?schema= in the URL (Search Path= in Npgsql keywords).");
        }

        builder.SearchPath ??= SearchPath.Of(schema);
        return new DatabaseConnection(builder, schema);
    }

    /// <summary>
    /// No database: the runner reads the migrations' code only (lint, the SQL of a script) and nothing connects. The
    /// schema is the one <paramref name="connectionString"/> names when one is given (it is parsed, never connected to),
    /// else public.
    /// </summary>
    internal static DatabaseConnection Offline(string? connectionString)
    {
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            var parsed = Parse(connectionString);
            return new DatabaseConnection(parsed.Builder, parsed.Schema, isOffline: true);
        }

        return new DatabaseConnection(new NpgsqlConnectionStringBuilder(), DefaultSchema, isOffline: true);
    }

    /// <summary>Where the connection goes, for messages: user, host, port, database and schema, never the password.</summary>
    public string Describe()
    {
        if (IsOffline)
        {
            return $"no database (schema {Schema})";
        }

        var user = string.IsNullOrEmpty(Username) ? "" : Username + "@";
        return $"{user}{Host}:{Port}/{Database ?? "(default database)"} (schema {Schema})";
    }

    /// <summary>The same server and credentials, another database (a shadow database, or the maintenance one).</summary>
    internal DatabaseConnection WithDatabase(string database)
    {
        var builder = new NpgsqlConnectionStringBuilder(Builder.ConnectionString) { Database = database };
        return new DatabaseConnection(builder, Schema, ShowsRowValuesInErrors, IsOffline);
    }

    /// <summary>The same connection with a PostgreSQL setting applied to every session it opens (<c>-c name=value</c>).</summary>
    internal DatabaseConnection WithSessionSetting(string name, string value)
    {
        var builder = new NpgsqlConnectionStringBuilder(Builder.ConnectionString);
        builder.Options = $"{builder.Options} -c {name}={value}".Trim();
        return new DatabaseConnection(builder, Schema, ShowsRowValuesInErrors, IsOffline);
    }

    /// <summary>The same connection, with errors that quote the rows a constraint violation met, or withhold them.</summary>
    internal DatabaseConnection WithRowValuesInErrors(bool show)
        => new(new NpgsqlConnectionStringBuilder(Builder.ConnectionString), Schema, show, IsOffline);

    internal static SchemaRunnerException Malformed(string problem) => new(
        $"The connection string is malformed ({problem}); give a URL such as postgresql://user:password@host:5432/nexgent?schema=public or Npgsql keywords such as Host=...;Username=...;Password=...;Database=....");
}
