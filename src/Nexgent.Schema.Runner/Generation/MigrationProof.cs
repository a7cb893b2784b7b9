using System.Reflection;
using Nexgent.Schema.Runner.Drift;

namespace Nexgent.Schema.Runner.Generation;

/// <summary>
/// Proves a generated migration on a scratch database at the version before it, with drift's own comparison: its Up
/// must give the catalog it was generated from, and its Down the catalog before, column order aside (a Down that
/// re-adds a column can only put it last). The scratch database is left at the migration's version.
/// </summary>
internal static class MigrationProof
{
    /// <summary>
    /// The differences that disprove the migration, as sentences (the migrations' side is the one generated, the
    /// database's the one it was generated from); empty when it is proven. A class marked <c>[Irreversible]</c> is proven
    /// up only.
    /// </summary>
    /// <remarks>A class that fails to run throws <see cref="GenerationNotProvenException"/> with <paramref name="source"/> and the failure.</remarks>
    public static IReadOnlyList<string> Prove(
        DatabaseConnection scratch,
        IReadOnlyList<Assembly> assemblies,
        IEnumerable<string> tags,
        long previous,
        long version,
        IReadOnlyList<CatalogFact> before,
        IReadOnlyList<CatalogFact> after,
        bool irreversible,
        string source,
        CancellationToken cancellationToken)
    {
        try
        {
            return Run(scratch, assemblies, tags, previous, version, before, after, irreversible, cancellationToken);
        }
        catch (SchemaRunnerException e) when (e is not GenerationNotProvenException)
        {
            throw new GenerationNotProvenException($"The generated migration {version} fails on the scratch database, so it was not written: {e.Sentence}", e.Details, source);
        }
    }

    private static IReadOnlyList<string> Run(
        DatabaseConnection scratch,
        IReadOnlyList<Assembly> assemblies,
        IEnumerable<string> tags,
        long previous,
        long version,
        IReadOnlyList<CatalogFact> before,
        IReadOnlyList<CatalogFact> after,
        bool irreversible,
        CancellationToken cancellationToken)
    {
        using var scope = Runner(scratch, assemblies, tags);
        scope.Runner.MigrateUpAsync(version, cancellationToken).GetAwaiter().GetResult();
        var up = CatalogComparer.Compare(SchemaCatalog.Read(scratch), after).Select(d => $"After Up: {d.Sentence}").ToList();
        if (up.Count > 0 || irreversible)
        {
            return up;
        }

        scope.Runner.MigrateDownAsync(previous, cancellationToken).GetAwaiter().GetResult();
        var down = CatalogComparer.Compare(before, SchemaCatalog.Read(scratch))
            .Where(d => d.Kind != FactKind.ColumnOrder)
            .Select(d => "After Down: " + d.Sentence
                .Replace("that the migrations do not create", "that was not there before Up", StringComparison.Ordinal)
                .Replace("that the migrations create is missing from the database", "that was there before Up is missing", StringComparison.Ordinal)
                .Replace(" in the migrations", " before Up", StringComparison.Ordinal))
            .ToList();
        scope.Runner.MigrateUpAsync(version, cancellationToken).GetAwaiter().GetResult();
        return down;
    }

    /// <summary>A runner on a scratch database: the same migrations, breaking changes allowed (nothing there to break).</summary>
    public static SchemaRunnerScope Runner(DatabaseConnection scratch, IEnumerable<Assembly> assemblies, IEnumerable<string> tags)
        => SchemaRunnerScope.Create(options =>
        {
            options.ConnectionString = scratch.ConnectionString;
            foreach (var assembly in assemblies)
            {
                options.MigrationAssemblies.Add(assembly);
            }

            foreach (var tag in tags)
            {
                options.Tags.Add(tag);
            }

            options.AllowBreakingChanges = true;
        });
}
