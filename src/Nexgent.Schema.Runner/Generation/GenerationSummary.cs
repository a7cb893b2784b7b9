namespace Nexgent.Schema.Runner.Generation;

/// <summary>What a generated migration creates, changes and drops, in words, and counted for the import table.</summary>
internal static class GenerationSummary
{
    /// <summary>How many objects a line names before it counts the rest (the class lists them all).</summary>
    private const int Shown = 8;

    /// <summary>One line per effect: "creates table notifications, index notifications.notifications_user_id_idx".</summary>
    public static IEnumerable<string> Lines(IReadOnlyList<Change> changes)
    {
        foreach (var effect in Enum.GetValues<ChangeEffect>())
        {
            var subjects = Subjects(changes, effect);
            if (subjects.Count > 0)
            {
                var shown = subjects.Count <= Shown ? string.Join(", ", subjects) : $"{string.Join(", ", subjects.Take(Shown))} and {subjects.Count - Shown} more";
                yield return $"{Verb(effect)} {shown}";
            }
        }

        var data = changes.Count(c => c is DataStatement);
        if (data > 0)
        {
            yield return $"runs {data} statement(s) that change rows, to review";
        }
    }

    /// <summary>The objects a migration creates, changes or drops (its data statements aside), each named once.</summary>
    public static List<string> Subjects(IReadOnlyList<Change> changes, ChangeEffect effect)
        => changes.SelectMany(c => c is CarriedSql carried ? carried.Does : [c])
            .Where(c => c.Effect == effect && c is not DataStatement and not DataNotUndone).Select(c => c.Subject).Distinct().ToList();

    private static string Verb(ChangeEffect effect) => effect switch
    {
        ChangeEffect.Created => "creates",
        ChangeEffect.Changed => "changes",
        _ => "drops",
    };
}
