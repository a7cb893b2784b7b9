using System.Globalization;
using Npgsql;

namespace Nexgent.Schema.Runner;

/// <summary>
/// A connection URL as Prisma and Nexgent's backend write it, <c>postgresql://user:password@host:5432/nexgent?schema=public</c>,
/// read strictly: a URL that could be read two ways (an <c>@</c>, <c>/</c>, <c>?</c> or <c>#</c> left unencoded in a
/// password) is refused rather than guessed at, so that no part of a password can end up read as a host, a port, a
/// database or a parameter, and be shown as one.
/// </summary>
internal static class ConnectionUrl
{
    /// <summary>Parameters Prisma reads for its connection pool and query engine; nothing to a migration's single connection.</summary>
    private static readonly HashSet<string> IgnoredPrismaParameters =
    [
        "connection_limit", "pool_timeout", "pgbouncer", "statement_cache_size", "socket_timeout",
        "max_connection_lifetime", "max_idle_connection_lifetime",
    ];

    public static bool IsUrl(string value)
        => value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
           || value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase);

    /// <summary>The connection and the schema of the URL; the search path is left for the caller to set.</summary>
    public static (NpgsqlConnectionStringBuilder Builder, string Schema) Parse(string url)
    {
        var rest = url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..];
        if (rest.Contains('#'))
        {
            throw Malformed("it holds a #; write # in a user name, password or database name as %23");
        }

        var authorityEnd = rest.IndexOfAny(['/', '?']) is var end and >= 0 ? end : rest.Length;
        var authority = rest[..authorityEnd];
        var pathAndQuery = rest[authorityEnd..];
        if (pathAndQuery.Contains('@'))
        {
            throw Malformed("it holds an @ after the host; write @, /, ? and # in a user name or password as %40, %2F, %3F and %23");
        }

        var builder = new NpgsqlConnectionStringBuilder();
        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            ReadUserInfo(authority[..at], builder);
        }

        ReadHostAndPort(authority[(at + 1)..], builder);
        var queryStart = pathAndQuery.IndexOf('?') is var q and >= 0 ? q : pathAndQuery.Length;
        var database = Decoded(pathAndQuery[..queryStart].TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        return (builder, ReadParameters(pathAndQuery[queryStart..].TrimStart('?'), builder));
    }

    private static void ReadUserInfo(string userInfo, NpgsqlConnectionStringBuilder builder)
    {
        // The first colon ends the user name; the password runs to the last @, which may hold more of both.
        var colon = userInfo.IndexOf(':');
        var user = Decoded(colon >= 0 ? userInfo[..colon] : userInfo);
        if (user.Length > 0)
        {
            builder.Username = user;
        }

        if (colon >= 0)
        {
            builder.Password = Decoded(userInfo[(colon + 1)..]);
        }
    }

    private static void ReadHostAndPort(string hostAndPort, NpgsqlConnectionStringBuilder builder)
    {
        string host, port;
        if (hostAndPort.StartsWith('['))
        {
            var close = hostAndPort.IndexOf(']');
            if (close < 0 || (close + 1 < hostAndPort.Length && hostAndPort[close + 1] != ':'))
            {
                throw Malformed("its IPv6 host is not closed by ]");
            }

            host = hostAndPort[1..close];
            port = hostAndPort[(close + 1)..].TrimStart(':');
        }
        else
        {
            var colon = hostAndPort.IndexOf(':');
            host = colon >= 0 ? hostAndPort[..colon] : hostAndPort;
            port = colon >= 0 ? hostAndPort[(colon + 1)..] : "";
        }

        host = Decoded(host);
        if (host.Length == 0)
        {
            throw Malformed("it names no host");
        }

        builder.Host = host;
        if (port.Length > 0)
        {
            // The value is not quoted: in a URL that was meant otherwise, it could be part of a password.
            builder.Port = int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is > 0 and < 65536
                ? number
                : throw Malformed("its port is not a number from 1 to 65535");
        }
    }

    private static string ReadParameters(string query, NpgsqlConnectionStringBuilder builder)
    {
        var schema = DatabaseConnection.DefaultSchema;
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=');
            var key = Decoded(equals >= 0 ? pair[..equals] : pair).ToLowerInvariant();
            var value = equals >= 0 ? Decoded(pair[(equals + 1)..]) : "";
            switch (key)
            {
                case "schema":
                    schema = value;
                    break;
                case "sslmode":
                    builder.SslMode = SslModeOf(value);
                    break;
                case "connect_timeout":
                    builder.Timeout = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                        ? seconds
                        : throw Malformed($"connect_timeout '{value}' is not a number of seconds");
                    break;
                case "application_name":
                    builder.ApplicationName = value;
                    break;
                case var ignored when IgnoredPrismaParameters.Contains(ignored):
                    break;
                default:
                    throw new SchemaRunnerException(
                        $"The connection URL has the parameter '{key}', which the runner does not read; remove it or correct its name (the runner reads schema, sslmode, connect_timeout and application_name, and ignores Prisma's pool settings).");
            }
        }

        return schema;
    }

    private static SslMode SslModeOf(string value) => value.ToLowerInvariant() switch
    {
        "disable" => SslMode.Disable,
        "allow" => SslMode.Allow,
        "prefer" => SslMode.Prefer,
        "require" => SslMode.Require,
        "verify-ca" => SslMode.VerifyCA,
        "verify-full" => SslMode.VerifyFull,
        _ => throw Malformed($"sslmode '{value}' is not one of disable, allow, prefer, require, verify-ca, verify-full"),
    };

    private static string Decoded(string text) => Uri.UnescapeDataString(text);

    private static SchemaRunnerException Malformed(string problem) => DatabaseConnection.Malformed(problem);
}
