namespace Nexgent.Schema.Runner.Drift;

/// <summary>
/// Compares a database's catalog with the one its migrations build. A table or view on one side only is one
/// difference, not one more per column, constraint, index, trigger, policy or rule of it. The order of a table's
/// columns counts, but only when both sides have the same columns: when they do not, the column differences say it.
/// Likewise an object on one side only is one difference, not one more per setting, comment or privilege of it. An
/// extension only the database has, outside the schema compared, is not the schema's drift.
/// </summary>
internal static class CatalogComparer
{
    public static IReadOnlyList<DriftDifference> Compare(IReadOnlyList<CatalogFact> expected, IReadOnlyList<CatalogFact> actual)
    {
        var expectedByKey = expected.ToDictionary(f => (f.Kind, f.Name));
        var actualByKey = actual.ToDictionary(f => (f.Kind, f.Name));
        var relations = expected.Concat(actual).Where(f => f.Kind is FactKind.Table or FactKind.View).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var oneSided = expectedByKey.Keys.Except(actualByKey.Keys).Concat(actualByKey.Keys.Except(expectedByKey.Keys)).ToHashSet();
        var relationsOnOneSide = oneSided.Where(k => k.Kind is FactKind.Table or FactKind.View).Select(k => k.Name).ToHashSet(StringComparer.Ordinal);
        var tablesWithOtherColumns = oneSided.Where(k => k.Kind == FactKind.Column).Select(k => CatalogFact.OwnerOf(k.Kind, k.Name, relations)).OfType<string>().ToHashSet(StringComparer.Ordinal);

        var differences = new List<DriftDifference>();
        foreach (var key in expectedByKey.Keys.Union(actualByKey.Keys).OrderBy(k => k.Kind).ThenBy(k => k.Name, StringComparer.Ordinal))
        {
            expectedByKey.TryGetValue(key, out var wanted);
            actualByKey.TryGetValue(key, out var found);
            if (wanted?.Definition == found?.Definition)
            {
                continue;
            }

            if (wanted is null && found is { OutsideSchema: true })
            {
                continue;
            }

            if (CatalogFact.OwnerOf(key.Kind, key.Name, relations) is { } owner && relationsOnOneSide.Contains(owner))
            {
                continue;
            }

            if ((wanted ?? found)!.Subject is { } subject
                && (oneSided.Contains(subject) || CatalogFact.OwnerOf(subject.Kind, subject.Name, relations) is { } table && relationsOnOneSide.Contains(table)))
            {
                continue;
            }

            if (key.Kind == FactKind.ColumnOrder && tablesWithOtherColumns.Contains(key.Name))
            {
                continue;
            }

            differences.Add(new DriftDifference(key.Kind, key.Name, wanted?.Definition, found?.Definition));
        }

        return differences;
    }
}
