using FluentMigrator.Runner.VersionTableInfo;
using Npgsql;

namespace Nexgent.Schema.Runner;

/// <summary>
/// FluentMigrator's version table (<c>"VersionInfo"</c>), placed in the schema the connection names and
/// read directly, so that listing needs no migration runner and shows when each version was applied.
/// </summary>
internal sealed class VersionTable(DatabaseConnection database) : IVersionTableMetaData
{
    public const string DefaultTableName = "VersionInfo";

    public bool OwnsSchema => false;

    public string SchemaName => database.Schema;

    public string TableName => DefaultTableName;

    public string ColumnName => "Version";

    public string DescriptionColumnName => "Description";

    public string UniqueIndexName => "UC_Version";

    public string AppliedOnColumnName => "AppliedOn";

    public bool CreateWithPrimaryKey => false;

    /// <summary>The table, schema-qualified and quoted, for SQL.</summary>
    public string QualifiedName => Identifier.Qualified(SchemaName, TableName);

    /// <summary>Applied versions with their time and description; empty when the table does not exist yet.</summary>
    public IReadOnlyList<AppliedVersion> ReadApplied() => PooledSessions.Run(database, connection =>
    {
        if (!TableLookup.Exists(connection, SchemaName, TableName))
        {
            return (IReadOnlyList<AppliedVersion>)[];
        }

        using var select = new NpgsqlCommand(
            $"SELECT {Identifier.Quote(ColumnName)}, {Identifier.Quote(AppliedOnColumnName)}, {Identifier.Quote(DescriptionColumnName)} FROM {QualifiedName} ORDER BY 1",
            connection);
        using var reader = select.ExecuteReader();
        var applied = new List<AppliedVersion>();
        while (reader.Read())
        {
            applied.Add(new AppliedVersion(
                reader.GetInt64(0),
                reader.IsDBNull(1) ? DateTime.MinValue : reader.GetDateTime(1),
                reader.IsDBNull(2) ? "" : reader.GetString(2)));
        }

        return applied;
    });

    /// <summary>The query of the applied versions alone.</summary>
    public string SelectVersions => $"SELECT {Identifier.Quote(ColumnName)} FROM {QualifiedName}";
}

internal sealed record AppliedVersion(long Version, DateTime AppliedOn, string Description);
