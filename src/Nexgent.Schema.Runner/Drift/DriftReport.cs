namespace Nexgent.Schema.Runner.Drift;

/// <summary>How a database compares with what its migrations build at the version it records.</summary>
/// <param name="Version">The version compared at.</param>
/// <param name="Differences">What differs: drift.</param>
/// <param name="ExplainedByRollback">
/// Column orders that differ in a database rolled back from a later version: a Down that re-adds a column puts it last
/// in its table, where the migrations going up had it elsewhere. Shown, but no drift.
/// </param>
public sealed record DriftReport(long Version, IReadOnlyList<DriftDifference> Differences, IReadOnlyList<DriftDifference> ExplainedByRollback)
{
    public bool HasDrift => Differences.Count > 0;
}
