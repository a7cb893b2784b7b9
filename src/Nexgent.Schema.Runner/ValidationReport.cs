namespace Nexgent.Schema.Runner;

/// <summary>What <see cref="SchemaRunner.Validate"/> found; valid when there is no problem.</summary>
public sealed record ValidationReport(IReadOnlyList<string> Problems, int ChecksumsVerified, int AppliedWithoutChecksum)
{
    public bool IsValid => Problems.Count == 0;
}
