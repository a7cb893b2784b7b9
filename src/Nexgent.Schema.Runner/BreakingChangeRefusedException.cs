namespace Nexgent.Schema.Runner;

/// <summary>
/// A run would apply migrations marked <c>[Migration(..., BreakingChange = true)]</c> and breaking changes were not
/// allowed (<see cref="SchemaRunnerOptions.AllowBreakingChanges"/>); nothing was applied.
/// </summary>
public sealed class BreakingChangeRefusedException(IReadOnlyList<MigrationStep> breaking)
    : SchemaRunnerException($"{Describe(breaking)} (BreakingChange = true), which runs only when breaking changes are allowed; nothing was applied.")
{
    public IReadOnlyList<MigrationStep> Breaking { get; } = breaking;

    /// <summary>"Migration 4 drop_name is marked as a breaking change", or the plural, to start a sentence.</summary>
    public string Summary => Describe(Breaking);

    private static string Describe(IReadOnlyList<MigrationStep> breaking)
        => breaking.Count == 1
            ? $"Migration {breaking[0].Version} {breaking[0].Description} is marked as a breaking change"
            : $"Migrations {string.Join(", ", breaking.SkipLast(1).Select(s => $"{s.Version} {s.Description}"))} and {breaking[^1].Version} {breaking[^1].Description} are marked as breaking changes";
}
