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
}
