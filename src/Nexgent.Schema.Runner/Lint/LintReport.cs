namespace Nexgent.Schema.Runner.Lint;

/// <summary>
/// What <see cref="SchemaRunner.Lint"/> found in the migrations it read: every finding, accepted ones included, and
/// the problems of the acceptances themselves (an <c>[AcceptsLockHazard]</c> naming no rule). Clean when no finding is
/// left unaccepted and there is no problem.
/// </summary>
public sealed record LintReport(
    string Database,
    bool Connected,
    IReadOnlyList<LintedMigration> Linted,
    IReadOnlyList<LintFinding> Findings,
    IReadOnlyList<string> Problems)
{
    /// <summary>Migrations of the range asked for that the database records as applied, which lint never reads.</summary>
    public int SkippedApplied { get; init; }

    /// <summary>The findings no migration accepts: these fail lint.</summary>
    public IReadOnlyList<LintFinding> Hazards => [.. Findings.Where(f => !f.IsAccepted)];

    /// <summary>The findings their migrations accept, with the reason.</summary>
    public IReadOnlyList<LintFinding> Accepted => [.. Findings.Where(f => f.IsAccepted)];

    public bool IsClean => Findings.All(f => f.IsAccepted) && Problems.Count == 0;
}

/// <summary>A migration lint read.</summary>
public sealed record LintedMigration(long Version, string Description);
