namespace Nexgent.Schema.Runner;

/// <summary>What <see cref="SchemaRunner.Validate"/> found; valid when there is no problem, whatever the notes.</summary>
public sealed record ValidationReport(IReadOnlyList<string> Problems, int ChecksumsVerified, int AppliedWithoutChecksum)
{
    public bool IsValid => Problems.Count == 0;

    /// <summary>What is worth knowing but not wrong: migrations that cannot be rolled back, and why.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
