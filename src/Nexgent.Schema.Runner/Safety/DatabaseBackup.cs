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
        var start = PostgresTools.Client(pgDump, database, "--format=custom", $"--file={full}");
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
