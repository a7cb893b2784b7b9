using System.Text.RegularExpressions;
using Nexgent.Schema.Examples;
using Nexgent.Schema.Migrations.Versions;
using Nexgent.Schema.Runner;
using Nexgent.Schema.Tests.Infrastructure;

namespace Nexgent.Schema.Tests.Guide;

/// <summary>The guide's examples run on top of Nexgent's real schema, full of rows, with both assemblies.</summary>
public static partial class ExampleDatabase
{
    public static readonly IReadOnlyList<long> Examples =
        typeof(AddNotifications).Assembly.GetTypes()
            .Select(t => t.GetCustomAttributes(typeof(FluentMigrator.MigrationAttribute), false).Cast<FluentMigrator.MigrationAttribute>().SingleOrDefault()?.Version)
            .OfType<long>()
            .Order()
            .ToList();

    /// <summary>A seeded database at the latest real version plus the examples up to <paramref name="version"/>.</summary>
    public static TestDatabase At(long? version)
    {
        var database = TemplateDatabases.SeededAt(Golden.Latest);
        if (version is { } v)
        {
            Up(database, v);
        }

        return database;
    }

    public static long Previous(long example)
    {
        var index = Examples.ToList().IndexOf(example);
        return index > 0 ? Examples[index - 1] : Golden.Latest;
    }

    public static MigrationResult Up(TestDatabase database, long version)
    {
        using var runner = Runner(database);
        return runner.Runner.MigrateUp(version);
    }

    public static MigrationResult Down(TestDatabase database, long version)
    {
        using var runner = Runner(database);
        return runner.Runner.MigrateDown(version);
    }

    /// <summary>The SQL statements <c>dotnet fm migrate up -t V --preview</c> prints, comments and bookkeeping left out.</summary>
    public static List<string> PreviewStatements(TestDatabase database, long version)
    {
        var file = Path.Combine(Path.GetTempPath(), $"example-{Guid.NewGuid():N}.sql");
        try
        {
            using (var runner = Runner(database, preview: file))
            {
                runner.Runner.MigrateUp(version);
            }

            return Statements(File.ReadAllText(file));
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>The statements of a script: comments out, one statement per entry, bookkeeping (VersionInfo) out.</summary>
    public static List<string> Statements(string script)
        => Comment().Replace(script, "")
            .Split(';')
            .Select(s => string.Join('\n', s.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Trim().Length > 0)).Trim())
            .Where(s => s.Length > 0 && !s.Contains("\"VersionInfo\""))
            .Select(s => s + ";")
            .ToList();

    private static SchemaRunnerScope Runner(TestDatabase database, string? preview = null)
        => SchemaRunnerScope.Create(options =>
        {
            options.ConnectionString = database.ConnectionString;
            options.MigrationAssemblies.Add(typeof(Init).Assembly);
            options.MigrationAssemblies.Add(typeof(AddNotifications).Assembly);
            options.Preview = preview is not null;
            options.SqlOutputFile = preview;
        });

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comment();
}
