using System.Reflection;
using FluentMigrator.Runner;
using FluentMigrator.Runner.Conventions;
using FluentMigrator.Runner.Initialization;
using FluentMigrator.Runner.VersionTableInfo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Nexgent.Schema.Runner;

/// <summary>
/// FluentMigrator's version table (<c>"VersionInfo"</c>), placed in the schema the connection names and read directly,
/// so that listing needs no migration runner and shows when each version was applied. A migration assembly that holds
/// its own <see cref="IVersionTableMetaData"/> gets its own table, schema and column names, as FluentMigrator's runner
/// finds them (<see cref="Find"/>).
/// </summary>
internal sealed class VersionTable(DatabaseConnection database, IVersionTableMetaData? custom = null) : IVersionTableMetaData
{
    public const string DefaultTableName = "VersionInfo";

    public bool OwnsSchema => custom?.OwnsSchema ?? false;

    public string SchemaName => string.IsNullOrEmpty(custom?.SchemaName) ? database.Schema : custom.SchemaName;

    public string TableName => custom?.TableName ?? DefaultTableName;

    public string ColumnName => custom?.ColumnName ?? "Version";

    public string DescriptionColumnName => custom?.DescriptionColumnName ?? "Description";

    public string UniqueIndexName => custom?.UniqueIndexName ?? "UC_Version";

    public string AppliedOnColumnName => custom?.AppliedOnColumnName ?? "AppliedOn";

    public bool CreateWithPrimaryKey => custom?.CreateWithPrimaryKey ?? false;

    /// <summary>
    /// The version table of <paramref name="assemblies"/>: the first exported class of theirs that implements
    /// <see cref="IVersionTableMetaData"/>, as FluentMigrator's runner takes it (its constructor may ask for the
    /// convention set and the runner's options, as <see cref="DefaultVersionTableMetaData"/>'s does), else the default.
    /// </summary>
    public static VersionTable Find(DatabaseConnection database, IEnumerable<Assembly> assemblies)
    {
        var type = new MigrationAssemblySource(assemblies).ExportedTypes
            .FirstOrDefault(t => t is { IsClass: true, IsAbstract: false } && typeof(IVersionTableMetaData).IsAssignableFrom(t));
        if (type is null)
        {
            return new VersionTable(database);
        }

        var services = new ServiceCollection()
            .AddSingleton<IConventionSet>(new DefaultConventionSet(database.Schema, workingDirectory: null))
            .AddSingleton(Options.Create(new RunnerOptions()))
            .BuildServiceProvider();
        try
        {
            return new VersionTable(database, (IVersionTableMetaData)ActivatorUtilities.CreateInstance(services, type));
        }
        catch (Exception e) when (e is InvalidOperationException or MissingMethodException or TargetInvocationException)
        {
            throw new SchemaRunnerException($"The version table class {type.FullName} could not be made: {(e.InnerException ?? e).Message.TrimEnd('.')}; give it a public constructor with no parameters.", e);
        }
    }

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
