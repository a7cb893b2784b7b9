namespace Nexgent.Schema.Runner.Safety;

/// <summary>A deploy that stopped before applying anything, because pending migrations would lose data.</summary>
public sealed class DataLossRefusedException(IReadOnlyList<(MigrationStep Step, IReadOnlyList<string> Losses)> losses)
    : SchemaRunnerException(Summarize(losses) + " Back up the database and accept the loss to apply them.")
{
    public IReadOnlyList<(MigrationStep Step, IReadOnlyList<string> Losses)> Losses { get; } = losses;

    /// <summary>That nothing was applied, and what each migration would lose.</summary>
    public string Summary { get; } = Summarize(losses);

    private static string Summarize(IReadOnlyList<(MigrationStep Step, IReadOnlyList<string> Losses)> losses)
        => $"Nothing was applied: {losses.Count} pending migration(s) would lose data: "
           + string.Join(" ", losses.Select(l => $"{l.Step.Version} {l.Step.Description}: {string.Join("; ", l.Losses).TrimEnd('.')}."));
}
