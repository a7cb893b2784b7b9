namespace Nexgent.Schema.Runner.Drift;

/// <summary>How a database compares with what its migrations build at the version it records.</summary>
public sealed record DriftReport(long Version, IReadOnlyList<DriftDifference> Differences)
{
    public bool HasDrift => Differences.Count > 0;
}
