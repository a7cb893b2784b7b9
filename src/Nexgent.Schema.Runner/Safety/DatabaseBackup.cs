using System.Diagnostics;

namespace Nexgent.Schema.Runner.Safety;

/// <summary>Writes a <c>pg_dump</c> of the whole database in custom format (restore with <c>pg_restore</c>).</summary>
internal static class DatabaseBackup
{
    public static void Write(DatabaseConnection database, string file)
    {
        var pgDump = PostgresTools.Find("pg_dump") ?? throw new SchemaRunnerException(
            "pg_dump is not installed, so no backup can be written and nothing was applied; install the PostgreSQL client (apt-get install postgresql-client-15) or deploy without a backup.");
        var full = Path.GetFullPath(file);
        var start = new ProcessStartInfo(pgDump)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (var argument in new[] { "--format=custom", "--no-password", $"--file={full}", $"--host={database.Host}", $"--port={database.Port}", $"--dbname={database.Database}" })
        {
            start.ArgumentList.Add(argument);
        }

        if (!string.IsNullOrEmpty(database.Username))
        {
            start.ArgumentList.Add($"--username={database.Username}");
        }

        // The password travels in the environment of pg_dump only, never on its command line.
        if (!string.IsNullOrEmpty(database.Password))
        {
            start.Environment["PGPASSWORD"] = database.Password;
        }

        start.Environment["PGSSLMODE"] = database.SslModeForLibpq;
        using var process = Process.Start(start) ?? throw new SchemaRunnerException("pg_dump could not be started; nothing was applied.");
        var errors = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            if (File.Exists(full))
            {
                File.Delete(full);
            }

            var reason = errors.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim() ?? $"exit code {process.ExitCode}";
            throw new SchemaRunnerException(DatabaseErrors.Masked($"The backup to {file} failed ({reason.TrimEnd('.')}), so nothing was applied; fix the cause or choose another file.", database));
        }
    }
}
