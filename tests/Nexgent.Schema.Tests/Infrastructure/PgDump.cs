using System.Diagnostics;
using Nexgent.Schema.Runner;

namespace Nexgent.Schema.Tests.Infrastructure;

/// <summary>
/// pg_dump --schema-only of a database, as the oracle of what its schema is: without its comment lines, blank lines and
/// the random keys of its \restrict lines, and without the tables named (the bookkeeping a comparison leaves out).
/// </summary>
internal static class PgDump
{
    /// <summary>The schema, every bookkeeping table (FluentMigrator's, dotnet fm's, Prisma's) left out.</summary>
    public static List<string> SchemaOf(TestDatabase database) => SchemaOf(database, BookkeepingTables.Names());

    public static List<string> SchemaOf(TestDatabase database, IEnumerable<string> excludedTables, params string[] options)
    {
        var pgDump = PostgresTools.Find("pg_dump") ?? throw new InvalidOperationException("pg_dump is not installed (apt-get install postgresql-client-15).");
        List<string> arguments = ["--schema-only", .. options];
        arguments.AddRange(excludedTables.Select(table => $"--exclude-table=*.\"{table}\""));
        using var process = Process.Start(PostgresTools.Client(pgDump, DatabaseConnection.Parse(database.ConnectionString), arguments))!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"pg_dump failed ({process.ExitCode}): {errors.Result}");
        }

        return [.. output.Split('\n')
            .Select(line => line.TrimEnd('\r'))
            .Where(line => line.Length > 0 && !line.StartsWith("--", StringComparison.Ordinal)
                           && !line.StartsWith("\\restrict", StringComparison.Ordinal) && !line.StartsWith("\\unrestrict", StringComparison.Ordinal))];
    }
}
