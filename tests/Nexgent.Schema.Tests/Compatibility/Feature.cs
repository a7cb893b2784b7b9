namespace Nexgent.Schema.Tests.Compatibility;

/// <summary>
/// One FluentMigrator feature: its fixture assembly (<see cref="FixtureAssembly"/>), the options both runners are given
/// (tags, profile, breaking changes), where its version rows are, the rows compared besides the schema, and, when one of
/// its migrations cannot be rolled back by FluentMigrator, which.
/// </summary>
public sealed record Feature(string Name)
{
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The profile applied after migrating up (not on the way down: dotnet fm's rollback takes none).</summary>
    public string? Profile { get; init; }

    public bool AllowBreakingChanges { get; init; }

    public VersionTableName VersionTable { get; init; } = VersionTableName.Default;

    /// <summary>Queries whose rows must be the same in both databases, besides the schema and the version rows.</summary>
    public IReadOnlyList<string> ComparedRows { get; init; } = [];

    /// <summary>The migration whose Down FluentMigrator cannot run (the only one; those after it can be rolled back).</summary>
    public MigrationName? CannotRollBack { get; init; }

    public string AssemblyPath => FixtureAssembly.PathOf(Name);

    /// <summary>The options of dotnet fm that say what <see cref="Tags"/>, <see cref="Profile"/> and <see cref="AllowBreakingChanges"/> say.</summary>
    public IEnumerable<string> CliOptions(string verb)
    {
        foreach (var tag in Tags)
        {
            yield return "--tag";
            yield return tag;
        }

        if (AllowBreakingChanges && verb is "migrate" or "deploy" or "script")
        {
            yield return "--allow-breaking-changes";
        }

        if (Profile is not null && verb == "migrate")
        {
            yield return "--profile";
            yield return Profile;
        }
    }

    public override string ToString() => Name;
}

public sealed record MigrationName(long Version, string Description);

/// <summary>FluentMigrator's version table, as an <c>IVersionTableMetaData</c> names it.</summary>
public sealed record VersionTableName(string Schema, string Table, string VersionColumn, string DescriptionColumn)
{
    public static readonly VersionTableName Default = new("public", "VersionInfo", "Version", "Description");
}

/// <summary>
/// Every fixture under Compatibility/Fixtures. A new feature is a file Fixtures/&lt;Name&gt;.cs (a plain FluentMigrator
/// project; files to embed in Fixtures/&lt;Name&gt;/) and an entry here: every test of the suite then runs it.
/// </summary>
public static class Features
{
    public static readonly Feature AutoReversingMigration = new("AutoReversingMigration");

    public static readonly Feature AutoReversingUpdate = new("AutoReversingUpdate")
    {
        CannotRollBack = new(2, "CapitalizePen"),
        ComparedRows = ["SELECT * FROM products ORDER BY id"],
    };

    public static readonly Feature AutoReversingInsert = new("AutoReversingInsert") { ComparedRows = ["SELECT * FROM countries ORDER BY code"] };

    public static readonly Feature AutoReversingAlterColumn = new("AutoReversingAlterColumn") { CannotRollBack = new(2, "WidenProductNames") };

    public static readonly Feature AutoReversingSetExistingRowsTo = new("AutoReversingSetExistingRowsTo")
    {
        CannotRollBack = new(2, "AddProductsStock"),
        ComparedRows = ["SELECT * FROM products ORDER BY id"],
    };

    public static readonly Feature ForwardOnlyMigration = new("ForwardOnlyMigration")
    {
        CannotRollBack = new(2, "SeedSettings"),
        ComparedRows = ["SELECT * FROM settings ORDER BY key"],
    };

    public static readonly Feature DownThrowsNotImplemented = new("DownThrowsNotImplemented") { CannotRollBack = new(2, "SplitAccountNames") };

    public static readonly Feature MigrationAttributes = new("MigrationAttributes");

    public static readonly Feature BreakingChange = new("BreakingChange") { AllowBreakingChanges = true };

    public static readonly Feature Tags = new("Tags") { Tags = ["eu"], ComparedRows = ["SELECT * FROM tag_log ORDER BY seq"] };

    public static readonly Feature Profiles = new("Profiles") { Profile = "development", ComparedRows = ["SELECT * FROM people ORDER BY id"] };

    public static readonly Feature Maintenance = new("Maintenance") { ComparedRows = ["SELECT * FROM maintenance_log ORDER BY seq"] };

    public static readonly Feature IfDatabase = new("IfDatabase");

    public static readonly Feature ExecuteSql = new("ExecuteSql");

    public static readonly Feature ExecuteScript = new("ExecuteScript") { ComparedRows = ["SELECT * FROM reports ORDER BY id"] };

    public static readonly Feature EmbeddedScript = new("EmbeddedScript");

    public static readonly Feature WithConnection = new("WithConnection") { ComparedRows = ["SELECT * FROM counters ORDER BY name"] };

    public static readonly Feature TransactionBehaviorNone = new("TransactionBehaviorNone");

    public static readonly Feature CustomVersionTable = new("CustomVersionTable")
    {
        VersionTable = new("migration_history", "schema_versions", "version_number", "summary"),
    };

    public static readonly Feature JsonbAndForeignKeys = new("JsonbAndForeignKeys")
    {
        ComparedRows = ["SELECT * FROM folders ORDER BY id", "SELECT * FROM documents ORDER BY folder_id, number"],
    };

    /// <summary>Only the kinds of the rows compare: their ids and times are new on every run, by design.</summary>
    public static readonly Feature ClockAndRandomValues = new("ClockAndRandomValues") { ComparedRows = ["SELECT kind, source FROM audit_events ORDER BY kind"] };

    public static IEnumerable<Feature> All =>
    [
        AutoReversingMigration, AutoReversingUpdate, AutoReversingInsert, AutoReversingAlterColumn, AutoReversingSetExistingRowsTo, ForwardOnlyMigration,
        DownThrowsNotImplemented, MigrationAttributes, BreakingChange, Tags, Profiles, Maintenance, IfDatabase, ExecuteSql,
        ExecuteScript, EmbeddedScript, WithConnection, TransactionBehaviorNone, CustomVersionTable, JsonbAndForeignKeys,
        ClockAndRandomValues,
    ];

    /// <summary>The features FluentMigrator's MigrateDown(0) rolls back entirely.</summary>
    public static IEnumerable<Feature> Reversible => All.Where(f => f.CannotRollBack is null);

    /// <summary>The features with a migration FluentMigrator cannot roll back.</summary>
    public static IEnumerable<Feature> NotReversible => All.Where(f => f.CannotRollBack is not null);
}
