using System.Diagnostics;
using Npgsql;

namespace Nexgent.Schema.Runner.Rehearsal;

/// <summary>
/// Fills an empty database with a copy of another, rows included, through <c>pg_dump | pg_restore</c>, then vacuums
/// and analyzes it so that its tables are read as the original's are. <c>CREATE DATABASE ... TEMPLATE</c> would be
/// faster but needs the original to have no other session, which a live database always has. Owners and privileges
/// are not copied: the copy belongs to the user that makes it, on whatever server it is made.
/// </summary>
internal static class DatabaseCopy
{
    public static void Fill(DatabaseConnection original, DatabaseConnection copy, CancellationToken cancellationToken)
    {
        var pgDump = Tool("pg_dump");
        var pgRestore = Tool("pg_restore");
        using var dump = Process.Start(PostgresTools.Client(pgDump, original, "--format=custom", "--no-owner", "--no-acl"))
            ?? throw new SchemaRunnerException("pg_dump could not be started; nothing was rehearsed.");
        var restoreStart = PostgresTools.Client(pgRestore, copy, "--no-owner", "--no-acl", "--exit-on-error");
        restoreStart.RedirectStandardInput = true;
        using var restore = Process.Start(restoreStart);
        if (restore is null)
        {
            dump.Kill();
            throw new SchemaRunnerException("pg_restore could not be started; nothing was rehearsed.");
        }

        var dumpErrors = dump.StandardError.ReadToEndAsync(CancellationToken.None);
        var restoreErrors = restore.StandardError.ReadToEndAsync(CancellationToken.None);
        var restoreOutput = restore.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var dumpStopped = false;
        using (cancellationToken.Register(() => Stop(dump, restore)))
        {
            try
            {
                dump.StandardOutput.BaseStream.CopyTo(restore.StandardInput.BaseStream);
                restore.StandardInput.Close();
            }
            catch (IOException)
            {
                // pg_restore stopped reading: it failed, and says why below.
            }

            restore.WaitForExit();
            if (restore.ExitCode != 0 && !dump.HasExited)
            {
                Stop(dump); // it would wait forever for pg_restore to read on
                dumpStopped = true;
            }

            dump.WaitForExit();
            restoreOutput.Wait(CancellationToken.None);
        }

        cancellationToken.ThrowIfCancellationRequested();

        // When pg_dump fails, pg_restore fails too, on an archive cut short: pg_dump's reason is the one that counts.
        if (dump.ExitCode != 0 && !dumpStopped)
        {
            throw Failed("pg_dump", dumpErrors.Result, dump.ExitCode, original);
        }

        if (restore.ExitCode != 0)
        {
            throw Failed("pg_restore", restoreErrors.Result, restore.ExitCode, copy);
        }

        Vacuum(copy, cancellationToken);
    }

    /// <summary>
    /// Sets the hint bits and visibility map a restore leaves unset and gathers the planner's statistics: otherwise the
    /// first statement to read a table pays for writing it all again, which the original does not.
    /// </summary>
    private static void Vacuum(DatabaseConnection copy, CancellationToken cancellationToken)
    {
        using var connection = new NpgsqlConnection(copy.ConnectionString);
        connection.Open();
        using var vacuum = new NpgsqlCommand("VACUUM (ANALYZE)", connection) { CommandTimeout = 0 };
        using var _ = cancellationToken.Register(vacuum.Cancel);
        try
        {
            vacuum.ExecuteNonQuery();
        }
        catch (PostgresException e) when (e.SqlState == "57014" && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("Cancelled while vacuuming the copy.", e, cancellationToken);
        }
    }

    private static string Tool(string name) => PostgresTools.Find(name) ?? throw new SchemaRunnerException(
        $"{name} is not installed, so no copy can be made to rehearse on and nothing was rehearsed; install the PostgreSQL client (apt-get install postgresql-client-15).");

    private static void Stop(params Process[] processes)
    {
        foreach (var process in processes)
        {
            try
            {
                process.Kill();
            }
            catch (InvalidOperationException)
            {
                // It has ended already.
            }
        }
    }

    private static SchemaRunnerException Failed(string tool, string errors, int exitCode, DatabaseConnection database)
    {
        var reason = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()).FirstOrDefault(l => l.Contains("error", StringComparison.OrdinalIgnoreCase))
            ?? errors.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim()
            ?? $"exit code {exitCode}";
        return new SchemaRunnerException(DatabaseErrors.Masked(
            $"The copy to rehearse on could not be made: {tool} failed ({reason.TrimEnd('.')}); nothing was rehearsed, and the database was not changed.", database));
    }
}
