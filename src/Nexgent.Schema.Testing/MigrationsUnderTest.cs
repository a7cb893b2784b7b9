using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using FluentMigrator.Runner;
using Nexgent.Schema.Runner;
using Npgsql;

namespace Nexgent.Schema.Testing;

/// <summary>
/// The migrations of one or more assemblies, as the runner finds them, and the two checks of each one:
/// <see cref="RoundTrip"/> (up, down and up again, the catalog compared at each step; no file needed) and
/// <see cref="CheckSnapshot"/> (the catalog after it against its snapshot file). <see cref="Versions"/> feeds NUnit's
/// <c>[TestCaseSource]</c>, so that a new migration is tested as soon as it exists.
/// </summary>
public sealed class MigrationsUnderTest
{
    private readonly Lazy<Found> migrations;

    /// <summary>
    /// The migrations of <paramref name="assembly"/>. <paramref name="snapshots"/> is the folder of their snapshot files:
    /// absolute, or relative to the folder of the calling source file (the test class), where written snapshots belong.
    /// </summary>
    public MigrationsUnderTest(Assembly assembly, string? snapshots = null, [CallerFilePath] string sourceFile = "")
        : this([assembly], snapshots, sourceFile)
    {
    }

    /// <summary>The migrations of several assemblies together (later ones on top of earlier ones, in version order).</summary>
    public MigrationsUnderTest(IEnumerable<Assembly> assemblies, string? snapshots = null, [CallerFilePath] string sourceFile = "")
    {
        Assemblies = [.. assemblies];
        if (Assemblies.Count == 0)
        {
            throw new ArgumentException("Give at least one migrations assembly.", nameof(assemblies));
        }

        Snapshots = snapshots is null ? null : new CatalogSnapshots(snapshots, sourceFile);
        migrations = new Lazy<Found>(Load);
    }

    public IReadOnlyList<Assembly> Assemblies { get; }

    /// <summary>The schema the migrations work in (the connection's search path for the runner), <c>public</c> by default.</summary>
    public string Schema { get; init; } = DatabaseConnection.DefaultSchema;

    /// <summary>The snapshot files, when a folder was given; set it to choose the mode (<see cref="CatalogSnapshots.Mode"/>) in code.</summary>
    public CatalogSnapshots? Snapshots { get; init; }

    /// <summary>Every version, oldest first.</summary>
    public IReadOnlyList<long> Versions => migrations.Value.Versions;

    public long Latest => Versions[^1];

    internal string Key => Schema + "|" + string.Join("|", Assemblies.Select(a => a.FullName));

    /// <summary>The version before <paramref name="version"/>, or 0 for the first.</summary>
    public long Previous(long version)
    {
        var versions = Versions;
        var index = IndexOf(version);
        return index > 0 ? versions[index - 1] : 0;
    }

    /// <summary>The migration's description (<c>[Migration(V, "description")]</c>); empty for 0, before any migration.</summary>
    public string Description(long version) => version == 0 ? "" : migrations.Value.Descriptions[Versions[IndexOf(version)]];

    /// <summary>The version and its description, as messages name a migration.</summary>
    public string Describe(long version)
        => version == 0 ? "0 (before any migration)" : $"{version.ToString(CultureInfo.InvariantCulture)} {Description(version)}".TrimEnd();

    public override string ToString() => $"the migrations of {string.Join(" and ", Assemblies.Select(a => a.GetName().Name))}";

    /// <summary>The runner library on <paramref name="database"/>, in <see cref="Schema"/>, with these assemblies. Dispose it.</summary>
    public SchemaRunnerScope Runner(TestDatabase database, Action<SchemaRunnerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        var connection = new NpgsqlConnectionStringBuilder(database.ConnectionString) { SearchPath = SearchPath.Of(Schema) }.ConnectionString;
        return Runner(connection, configure);
    }

    public MigrationResult MigrateUp(TestDatabase database, long? target = null)
    {
        using var scope = Runner(database);
        return scope.Runner.MigrateUp(target);
    }

    public MigrationResult MigrateDown(TestDatabase database, long target)
    {
        using var scope = Runner(database);
        return scope.Runner.MigrateDown(target);
    }

    /// <summary>
    /// Proves the migration <paramref name="version"/> on its own, in a copy of a database migrated to the version before:
    /// reads the catalog, migrates up to <paramref name="version"/>, down to the version before (the catalog must be the
    /// first one again) and up again (the catalog must be the one the first Up built); the version table must follow.
    /// Catalogs are compared without column order: a Down that re-adds a column can only put it last. Throws
    /// <see cref="MigrationCheckException"/> naming the migration and showing the lines that differ.
    /// </summary>
    public void RoundTrip(TestPostgres postgres, long version)
    {
        ArgumentNullException.ThrowIfNull(postgres);
        var previous = Previous(version);
        var name = Describe(version);
        using var database = postgres.Templates(this).At(previous);
        var before = database.Catalog(ordered: false, Schema);

        Step(version, $"{name}: Up from {previous} failed", () => MigrateUp(database, version));
        var up = database.Catalog(ordered: false, Schema);
        RequireRecorded(database, version, $"{name}: after its Up");

        Step(version, $"{name}: Down to {previous} failed", () => MigrateDown(database, previous));
        Require(version, CatalogDiff.Compare(before, database.Catalog(ordered: false, Schema), ordered: false),
            $"{name}: Down to {previous} does not give back the schema the migration started from",
            "the schema before Up", "the schema after Down");
        RequireRecorded(database, previous, $"{name}: after its Down");

        Step(version, $"{name}: Up again after Down failed", () => MigrateUp(database, version));
        Require(version, CatalogDiff.Compare(up, database.Catalog(ordered: false, Schema), ordered: false),
            $"{name}: Up again after Down does not build what the first Up built",
            "the schema after the first Up", "the schema after Up again");
        RequireRecorded(database, version, $"{name}: after Up again");
    }

    /// <summary>
    /// Checks that the catalog of a database migrated forward to <paramref name="version"/> is its snapshot file (see
    /// <see cref="CatalogSnapshots.Check"/>): a missing one fails naming the command that writes it, a different one with
    /// the lines that differ.
    /// </summary>
    public void CheckSnapshot(TestPostgres postgres, long version)
    {
        ArgumentNullException.ThrowIfNull(postgres);
        var snapshots = Snapshots ?? throw new InvalidOperationException(
            $"No snapshot folder was given for {this}: new MigrationsUnderTest(assembly, snapshots: \"Snapshots\").");
        snapshots.Check(version, postgres.Templates(this).CatalogAt(version), Description(version));
    }

    private static SchemaRunnerScope Runner(string connectionString, Action<SchemaRunnerOptions>? configure, IEnumerable<Assembly> assemblies)
        => SchemaRunnerScope.Create(options =>
        {
            options.ConnectionString = connectionString;
            foreach (var assembly in assemblies)
            {
                options.MigrationAssemblies.Add(assembly);
            }

            configure?.Invoke(options);
        });

    private SchemaRunnerScope Runner(string connectionString, Action<SchemaRunnerOptions>? configure)
        => Runner(connectionString, configure, Assemblies);

    private int IndexOf(long version)
    {
        var index = migrations.Value.Versions.BinarySearch(version);
        return index >= 0 ? index : throw new ArgumentException($"{version} is not a version of {this}.", nameof(version));
    }

    /// <summary>The migrations as FluentMigrator's loader finds them for the runner (no database is reached).</summary>
    private Found Load()
    {
        using var scope = Runner("Host=localhost", configure: null);
        Dictionary<long, string> descriptions;
        try
        {
            descriptions = scope.Get<IMigrationInformationLoader>().LoadMigrations()
                .ToDictionary(m => m.Key, m => m.Value.Description ?? "");
        }
        catch (Exception e)
        {
            throw new InvalidOperationException($"{this} could not be loaded: {e.Message}", e);
        }

        return descriptions.Count > 0
            ? new Found([.. descriptions.Keys.Order()], descriptions)
            : throw new InvalidOperationException($"{this} hold no migration.");
    }

    private static void Step(long version, string failure, Action step)
    {
        try
        {
            step();
        }
        catch (Exception e) when (e is SchemaRunnerException or PostgresException or NpgsqlException)
        {
            throw new MigrationCheckException(version, $"{failure}: {e.Message}", e);
        }
    }

    private void RequireRecorded(TestDatabase database, long version, string when)
    {
        var expected = Versions.Where(v => v <= version).ToList();
        var recorded = database.RecordedVersions(Schema);
        if (!recorded.SequenceEqual(expected))
        {
            throw new MigrationCheckException(version,
                $"{when} the version table records [{string.Join(", ", recorded)}] instead of [{string.Join(", ", expected)}].");
        }
    }

    private static void Require(long version, CatalogDiff diff, string failure, string expectedName, string actualName)
    {
        if (!diff.IsEmpty)
        {
            throw new MigrationCheckException(version, $"{failure}:\n{diff.Describe(expectedName, actualName)}");
        }
    }

    private sealed record Found(List<long> Versions, Dictionary<long, string> Descriptions);
}
