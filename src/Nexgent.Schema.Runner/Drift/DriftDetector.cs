using Microsoft.Extensions.Options;
using Npgsql;

namespace Nexgent.Schema.Runner.Drift;

/// <summary>
/// Builds a shadow database with the same migrations up to a version, and compares its full catalog with
/// the target's (Prisma's <c>migrate diff</c> against a shadow database, for FluentMigrator migrations).
/// </summary>
public sealed class DriftDetector(DatabaseConnection database, IOptions<SchemaRunnerOptions> options, SchemaRunner runner)
{
    /// <summary>Compares the target with the migrations at the version the target records.</summary>
    public DriftReport Detect() => DetectAt(runner.CurrentVersion());

    /// <summary>Compares the target with the migrations at <paramref name="version"/> (0: an empty schema).</summary>
    public DriftReport DetectAt(long version)
    {
        try
        {
            var actual = SchemaCatalog.Read(database);
            using var shadow = ShadowDatabase.Create(database);
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
                shadowRunner.Runner.MigrateUp(version);
            }

            var expected = SchemaCatalog.Read(shadow.Connection);
            return new DriftReport(version, CatalogComparer.Compare(expected, actual));
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            throw DatabaseErrors.Explain(e, database);
        }
    }
}
