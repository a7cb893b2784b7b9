namespace Nexgent.Schema.Runner.Safety;

/// <summary>A deploy that stopped before applying anything, because pending migrations would lose data.</summary>
public sealed class DataLossRefusedException(IReadOnlyList<(MigrationStep Step, IReadOnlyList<string> Losses)> losses)
    : SchemaRunnerException(Describe(losses))
{
    public IReadOnlyList<(MigrationStep Step, IReadOnlyList<string> Losses)> Losses { get; } = losses;

    private static string Describe(IReadOnlyList<(MigrationStep Step, IReadOnlyList<string> Losses)> losses)
        => $"Nothing was applied: {losses.Count} pending migration(s) would lose data: "
           + string.Join(" ", losses.Select(l => $"{l.Step.Version} {l.Step.Description}: {string.Join("; ", l.Losses).TrimEnd('.')}."))
           + " Back up the database (--backup FILE) and run again with --accept-data-loss to apply them.";
}
