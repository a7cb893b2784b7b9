namespace Nexgent.Schema.Runner.Drift;

/// <summary>Compares a database's catalog with the one its migrations build. Column order does not count.</summary>
internal static class CatalogComparer
{
    public static IReadOnlyList<DriftDifference> Compare(IReadOnlyList<CatalogFact> expected, IReadOnlyList<CatalogFact> actual)
    {
        var expectedByKey = expected.ToDictionary(f => (f.Kind, f.Name));
        var actualByKey = actual.ToDictionary(f => (f.Kind, f.Name));
        var missingTables = expected.Where(f => f.Kind == FactKind.Table && !actualByKey.ContainsKey((f.Kind, f.Name))).Select(f => f.Name).ToHashSet();
        var extraTables = actual.Where(f => f.Kind == FactKind.Table && !expectedByKey.ContainsKey((f.Kind, f.Name))).Select(f => f.Name).ToHashSet();

        var differences = new List<DriftDifference>();
        foreach (var key in expectedByKey.Keys.Union(actualByKey.Keys).OrderBy(k => k.Kind).ThenBy(k => k.Name, StringComparer.Ordinal))
        {
            expectedByKey.TryGetValue(key, out var wanted);
            actualByKey.TryGetValue(key, out var found);
            if (wanted?.Definition == found?.Definition)
            {
                continue;
            }

            // A missing or extra table is one difference, not one per column, index and constraint.
            if (key.Kind != FactKind.Table && TableOf(key.Name) is { } table && (missingTables.Contains(table) || extraTables.Contains(table)))
            {
                continue;
            }

            differences.Add(new DriftDifference(key.Kind, key.Name, wanted?.Definition, found?.Definition));
        }

        return differences;
    }

    private static string? TableOf(string name) => name.Contains('.') ? name[..name.IndexOf('.')] : null;
}
