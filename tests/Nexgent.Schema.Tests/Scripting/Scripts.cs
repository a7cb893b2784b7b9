using System.Diagnostics;
using System.Reflection;
using Nexgent.Schema.Migrations.Versions;
using Nexgent.Schema.Runner;
using Nexgent.Schema.Runner.Scripting;
using Npgsql;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Scripting;

/// <summary>
/// Scripts as the tests write them (the runner library with no database, as <c>dotnet fm script</c> makes it) and run
/// them (psql, as a DBA runs them: <c>psql -v ON_ERROR_STOP=1 -f FILE</c>), and the bookkeeping they leave.
/// </summary>
internal static class Scripts
{
    /// <summary>A script of Nexgent's migrations (or <paramref name="assembly"/>'s), for the schema <paramref name="schema"/>.</summary>
    public static MigrationScript Write(
        long? from = null,
        long? to = null,
        bool down = false,
        bool idempotent = false,
        Assembly? assembly = null,
        string schema = "public",
        Action<SchemaRunnerOptions>? configure = null)
    {
        using var scope = SchemaRunnerScope.Create(options =>
        {
            options.NoConnection = true;
            options.ConnectionString = $"postgresql://nobody@nowhere.invalid/none?schema={Uri.EscapeDataString(schema)}";
            options.MigrationAssemblies.Add(assembly ?? typeof(Init).Assembly);
            configure?.Invoke(options);
        });
        return scope.Get<MigrationScripter>().Script(from, to, down, idempotent);
    }

    /// <summary>Runs the script on <paramref name="database"/> as the DBA would, then each of <paramref name="more"/> (psql's -c) in the same session.</summary>
    public static PsqlRun Apply(TestDatabase database, MigrationScript script, params string[] more)
    {
        var file = Path.Combine(Path.GetTempPath(), $"fm-script-{Guid.NewGuid():N}.sql");
        script.WriteTo(file);
        try
        {
            return Psql(database, ["-f", file, .. more.SelectMany(sql => new[] { "-c", sql })]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>psql on <paramref name="database"/>, stopping at the first error, without the machine's .psqlrc.</summary>
    public static PsqlRun Psql(TestDatabase database, IEnumerable<string> arguments)
        => Finish(Start(database, arguments, input: false));

    /// <summary>psql reading its SQL from standard input, left open for the test to write to.</summary>
    public static Process StartReading(TestDatabase database) => Start(database, ["-f", "-"], input: true);

    public static PsqlRun Finish(Process psql)
    {
        using (psql)
        {
            var output = psql.StandardOutput.ReadToEndAsync();
            var error = psql.StandardError.ReadToEndAsync();
            if (!psql.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                psql.Kill(entireProcessTree: true);
                Assert.Fail("psql did not finish within two minutes.");
            }

            return new PsqlRun(psql.ExitCode, output.Result, error.Result);
        }
    }

    private static Process Start(TestDatabase database, IEnumerable<string> arguments, bool input)
    {
        var program = PostgresTools.Find("psql")
                      ?? throw new InvalidOperationException("psql is not installed; install PostgreSQL's client programs (the server binaries bring it) to run the script tests.");
        var connection = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = input,
        };
        foreach (var argument in new[] { "-X", "-v", "ON_ERROR_STOP=1" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        var user = Uri.EscapeDataString(connection.Username ?? "postgres");
        var password = string.IsNullOrEmpty(connection.Password) ? "" : ":" + Uri.EscapeDataString(connection.Password);
        start.ArgumentList.Add($"postgresql://{user}{password}@{connection.Host}:{connection.Port}/{database.Name}");
        start.Environment.Remove("PGOPTIONS");
        return Process.Start(start)!;
    }

    /// <summary>The rows of FluentMigrator's version table: version and description (not the time, which differs).</summary>
    public static List<string> VersionRows(TestDatabase database, string schema = "public")
        => database.Rows($"SELECT \"Version\", \"Description\" FROM {Identifier.Qualified(schema, "VersionInfo")} ORDER BY 1")
            .Select(r => $"{r[0]} {r[1]}").ToList();

    /// <summary>The rows of the runner's journal: version, state, checksum and error (not the time).</summary>
    public static List<string> JournalRows(TestDatabase database, string schema = "public")
        => database.Rows($"SELECT \"Version\", \"State\", \"Checksum\", \"Error\" FROM {Identifier.Qualified(schema, "VersionJournal")} ORDER BY 1")
            .Select(r => $"{r[0]} {r[1]} {r[2] ?? "(no checksum)"} {r[3] ?? "(no error)"}").ToList();

    /// <summary>Every row of both bookkeeping tables, times included: what a run that changes nothing leaves as it is.</summary>
    public static List<string> BookkeepingRows(TestDatabase database)
        => database.Rows("SELECT \"Version\"::text || ' ' || \"AppliedOn\" || ' ' || \"Description\" FROM \"VersionInfo\" UNION ALL SELECT * FROM (SELECT \"Version\"::text || ' ' || \"State\" || ' ' || \"UpdatedOn\" FROM \"VersionJournal\") j ORDER BY 1")
            .Select(r => (string)r[0]!).ToList();

    /// <summary>
    /// The bookkeeping tables as the catalog holds them (the catalog of the schema leaves them out): columns in order
    /// with type, nullability and default, indexes and constraints.
    /// </summary>
    public static List<string> BookkeepingTables(TestDatabase database, string schema = "public")
        => database.Rows($"""
            SELECT c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
                   || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '') || ' #' || a.attnum
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
              LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
             WHERE n.nspname = '{schema}' AND c.relname IN ('VersionInfo', 'VersionJournal')
            UNION ALL
            SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = '{schema}' AND c.relname IN ('VersionInfo', 'VersionJournal')
            UNION ALL
            SELECT co.conname || ' ' || pg_get_constraintdef(co.oid) FROM pg_constraint co JOIN pg_class c ON c.oid = co.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = '{schema}' AND c.relname IN ('VersionInfo', 'VersionJournal')
            ORDER BY 1
            """).Select(r => (string)r[0]!).ToList();
}

internal sealed record PsqlRun(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"psql exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}
