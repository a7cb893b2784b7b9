using Microsoft.Extensions.Options;
using Nexgent.Schema.Runner.Journal;
using Npgsql;

namespace Nexgent.Schema.Runner.Drift;

/// <summary>
/// Builds a shadow database with the same migrations up to a version, and compares its full catalog with
/// the target's (Prisma's <c>migrate diff</c> against a shadow database, for FluentMigrator migrations).
/// Cancelling stops the statement building the shadow database on the server and drops the shadow database; the
/// target is only ever read.
/// </summary>
public sealed class DriftDetector(DatabaseConnection database, IOptions<SchemaRunnerOptions> options, SchemaRunner runner)
{
    /// <summary>Compares the target with the migrations at the version the target records.</summary>
    public DriftReport Detect(CancellationToken cancellationToken = default) => DetectAt(runner.CurrentVersion(), cancellationToken);

    /// <summary>Compares the target with the migrations at <paramref name="version"/> (0: an empty schema).</summary>
    public DriftReport DetectAt(long version, CancellationToken cancellationToken = default)
        => ShadowDatabase.Cancellable(
            () => Compare(version, cancellationToken),
            () => $"while building the shadow database for the comparison; it was dropped, and {database.Describe()} was not changed.",
            cancellationToken);

    private DriftReport Compare(long version, CancellationToken cancellationToken)
    {
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            var versionTable = VersionTable.Find(database, options.Value.MigrationAssemblies).TableName;
            var actual = SchemaCatalog.Read(database, versionTable);
            using var shadow = ShadowDatabase.Create(database, cancellationToken);
            if (version != 0)
            {
                using var shadowRunner = SchemaRunnerScope.Create(shadowOptions =>
                {
                    shadowOptions.ConnectionString = shadow.Connection.ConnectionString;
                    foreach (var assembly in options.Value.MigrationAssemblies)
                    {
                        shadowOptions.MigrationAssemblies.Add(assembly);
                    }

                    shadowOptions.CommandTimeout = options.Value.CommandTimeout;
                    // The same migrations as the target's (its tags), breaking changes included: they were applied there.
                    foreach (var tag in options.Value.Tags)
                    {
                        shadowOptions.Tags.Add(tag);
                    }

                    shadowOptions.AllowBreakingChanges = true;
                });
                shadowRunner.Runner.MigrateUpAsync(version, cancellationToken).GetAwaiter().GetResult();
            }

            var expected = SchemaCatalog.Read(shadow.Connection, versionTable);
            var setAtRunTime = runner.DefaultsSetAtRunTime(version);
            return Report(version, CatalogComparer.Compare(RunTimeDefaults.Masked(expected, setAtRunTime), RunTimeDefaults.Masked(actual, setAtRunTime)));
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            throw DatabaseErrors.Explain(e, database);
        }
    }

    /// <summary>Column orders of a database rolled back from a later version are set apart: its Downs explain them.</summary>
    private DriftReport Report(long version, IReadOnlyList<DriftDifference> differences)
    {
        var rolledBackFromLater = new VersionJournal(database).ReadAll().Any(e => e.State == JournalState.RolledBack && e.Version > version);
        if (!rolledBackFromLater)
        {
            return new DriftReport(version, differences, []);
        }

        var explained = differences.Where(d => d.Kind == FactKind.ColumnOrder).ToList();
        return new DriftReport(version, differences.Except(explained).ToList(), explained);
    }
}
