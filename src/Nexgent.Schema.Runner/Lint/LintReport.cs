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

    /// <summary>
    /// The statements lint could not read for locks: always shown, never a hazard (they do not make the report unclean);
    /// what they lock is for the reader to check.
    /// </summary>
    public IReadOnlyList<NotAnalysedStatement> NotAnalysed { get; init; } = [];

    /// <summary>The findings no migration accepts: these fail lint.</summary>
    public IReadOnlyList<LintFinding> Hazards => [.. Findings.Where(f => !f.IsAccepted)];

    /// <summary>The findings their migrations accept, with the reason.</summary>
    public IReadOnlyList<LintFinding> Accepted => [.. Findings.Where(f => f.IsAccepted)];

    public bool IsClean => Findings.All(f => f.IsAccepted) && Problems.Count == 0;
}

/// <summary>A migration lint read.</summary>
public sealed record LintedMigration(long Version, string Description);

/// <summary>A statement of a migration lint could not read for locks (not DML, nor a form of DDL it knows), on one line.</summary>
public sealed record NotAnalysedStatement(long Version, string Description, string Statement)
{
    /// <summary>The migration, as messages name it: <c>20260106120000 add_automated_trading</c>.</summary>
    public string Migration => $"{Version} {Description}";

    public override string ToString() => $"{Migration}: not analysed: {Statement}";
}
