using System.Diagnostics;

namespace Nexgent.Schema.Runner;

/// <summary>Finds PostgreSQL's programs (pg_dump, initdb, pg_ctl...) installed on this machine.</summary>
internal static class PostgresTools
{
    private const string DebianRoot = "/usr/lib/postgresql";

    /// <summary>
    /// The newest Debian-installed copy of <paramref name="tool"/> (a newer client works with older servers),
    /// else the one on PATH; null when neither exists.
    /// </summary>
    public static string? Find(string tool)
    {
        var newest = Directory.Exists(DebianRoot)
            ? Directory.GetDirectories(DebianRoot)
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var major) ? major : 0)
                .Select(d => Path.Combine(d, "bin", tool))
                .FirstOrDefault(File.Exists)
            : null;
        return newest ?? (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, tool))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>
    /// How to start a client program (<paramref name="program"/>, found with <see cref="Find"/>) on
    /// <paramref name="database"/> with <paramref name="arguments"/>: its output and errors redirected, the password in
    /// its environment only, never on its command line.
    /// </summary>
    public static ProcessStartInfo Client(string program, DatabaseConnection database, params IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (var argument in arguments.Concat([$"--host={database.Host}", $"--port={database.Port}", $"--dbname={database.Database}", "--no-password"]))
        {
            start.ArgumentList.Add(argument);
        }

        if (!string.IsNullOrEmpty(database.Username))
        {
            start.ArgumentList.Add($"--username={database.Username}");
        }

        if (!string.IsNullOrEmpty(database.Password))
        {
            start.Environment["PGPASSWORD"] = database.Password;
        }

        start.Environment["PGSSLMODE"] = database.SslModeForLibpq;
        return start;
    }
}
