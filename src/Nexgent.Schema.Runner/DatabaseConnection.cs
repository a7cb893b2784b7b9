using Npgsql;

namespace Nexgent.Schema.Runner;

/// <summary>
/// The database a runner works on, from an Npgsql key/value string or a URL as Prisma and Nexgent's
/// backend write it (<c>postgresql://user:pass@host:5432/nexgent?schema=public</c>).
/// </summary>
public sealed class DatabaseConnection
{
    internal const string DefaultSchema = "public";

    /// <summary>What pg_stat_activity shows for the runner's sessions, unless the connection string names another.</summary>
    internal const string DefaultApplicationName = "dotnet-fm";

    private DatabaseConnection(NpgsqlConnectionStringBuilder builder, string schema, bool showsRowValuesInErrors = false)
    {
        builder.ApplicationName ??= DefaultApplicationName;

        // What an error message needs and Npgsql leaves out unless asked: PostgreSQL's DETAIL, which says why most
        // statements fail (DatabaseErrors withholds the ones that quote rows instead), and the statement that failed.
        builder.IncludeErrorDetail = true;
        builder.IncludeFailedBatchedCommand = true;
        Builder = builder;
        Schema = schema;
        ShowsRowValuesInErrors = showsRowValuesInErrors;
    }

    /// <summary>The schema that holds the migrated objects and the version table.</summary>
    public string Schema { get; }

    internal string ConnectionString => Builder.ConnectionString;

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
        return IsUrl(trimmed) ? FromUrl(trimmed) : FromKeywords(trimmed);
    }

    /// <summary>Where the connection goes, for messages: user, host, port, database and schema, never the password.</summary>
    public string Describe()
    {
        var user = string.IsNullOrEmpty(Username) ? "" : Username + "@";
        return $"{user}{Host}:{Port}/{Database ?? "(default database)"} (schema {Schema})";
    }

    /// <summary>The same server and credentials, another database (a shadow database, or the maintenance one).</summary>
    internal DatabaseConnection WithDatabase(string database)
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = database };
        return new DatabaseConnection(builder, Schema, ShowsRowValuesInErrors);
    }

    /// <summary>The same connection with a PostgreSQL setting applied to every session it opens (<c>-c name=value</c>).</summary>
    internal DatabaseConnection WithSessionSetting(string name, string value)
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        builder.Options = $"{builder.Options} -c {name}={value}".Trim();
        return new DatabaseConnection(builder, Schema, ShowsRowValuesInErrors);
    }

    /// <summary>The same connection, with errors that quote the rows a constraint violation met, or withhold them.</summary>
    internal DatabaseConnection WithRowValuesInErrors(bool show)
        => new(new NpgsqlConnectionStringBuilder(ConnectionString), Schema, show);

    private static bool IsUrl(string value)
        => value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
           || value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase);

    private static DatabaseConnection FromKeywords(string value)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(value);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException)
        {
            throw Malformed(KeywordProblem(e));
        }

        if (string.IsNullOrEmpty(builder.Host))
        {
            throw Malformed("it names no host");
        }

        var schema = FirstSchemaOf(builder.SearchPath) ?? DefaultSchema;
        builder.SearchPath ??= schema;
        return new DatabaseConnection(builder, schema);
    }

    private static DatabaseConnection FromUrl(string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw Malformed("it is not a URL of the form postgresql://user:password@host:5432/database");
        }

        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host.Trim('[', ']') };
        if (!uri.IsDefaultPort && uri.Port > 0)
        {
            builder.Port = uri.Port;
        }

        var userInfo = uri.UserInfo.Split(':', 2);
        if (userInfo[0].Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(userInfo[0]);
        }

        if (userInfo.Length == 2)
        {
            builder.Password = Uri.UnescapeDataString(userInfo[1]);
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        var schema = DefaultSchema;
        foreach (var (key, parameter) in QueryParameters(uri.Query))
        {
            switch (key)
            {
                case "schema":
                    schema = parameter;
                    break;
                case "sslmode":
                    builder.SslMode = ParseSslMode(parameter);
                    break;
                case "connect_timeout":
                    builder.Timeout = ParseSeconds(key, parameter);
                    break;
                case "application_name":
                    builder.ApplicationName = parameter;
                    break;
                // Prisma's pool and engine settings (connection_limit, pool_timeout, pgbouncer, ...)
                // mean nothing to a single migration connection.
            }
        }

        builder.SearchPath = schema;
        return new DatabaseConnection(builder, schema);
    }

    private static IEnumerable<(string Key, string Value)> QueryParameters(string query)
    {
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            yield return (Uri.UnescapeDataString(parts[0]).ToLowerInvariant(), parts.Length == 2 ? Uri.UnescapeDataString(parts[1]) : "");
        }
    }

    private static SslMode ParseSslMode(string value) => value.ToLowerInvariant() switch
    {
        "disable" => SslMode.Disable,
        "allow" => SslMode.Allow,
        "prefer" => SslMode.Prefer,
        "require" => SslMode.Require,
        "verify-ca" => SslMode.VerifyCA,
        "verify-full" => SslMode.VerifyFull,
        _ => throw Malformed($"sslmode '{value}' is not one of disable, allow, prefer, require, verify-ca, verify-full"),
    };

    private static int ParseSeconds(string key, string value)
        => int.TryParse(value, out var seconds) && seconds >= 0 ? seconds : throw Malformed($"{key} '{value}' is not a number of seconds");

    private static string? FirstSchemaOf(string? searchPath)
        => searchPath?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => s.Trim('"'))
            .FirstOrDefault(s => s.Length > 0 && s != "$user");

    // Named by keyword only, never by value, so that a password cannot leak into the message.
    private static string KeywordProblem(Exception e)
        => e is ArgumentException { ParamName: { Length: > 0 } keyword }
            ? $"unknown keyword or invalid value for '{keyword}'"
            : "it is not a list of keyword=value pairs separated by semicolons";

    private static SchemaRunnerException Malformed(string problem) => new(
        $"The connection string is malformed ({problem}); give a URL such as postgresql://user:password@host:5432/nexgent?schema=public or Npgsql keywords such as Host=...;Username=...;Password=...;Database=....");
}
