namespace Nexgent.Schema.Runner;

/// <summary>One migration as the assemblies and the database know it.</summary>
public sealed record MigrationState(long Version, string Description, DateTime? AppliedOn, bool IsKnown)
{
    public bool IsApplied => AppliedOn is not null;

    /// <summary>
    /// A migration that cannot run in a transaction failed midway (or never finished) in this direction: the database is
    /// dirty until a person resolves it, and it is neither applied nor pending.
    /// </summary>
    public bool IsFailed { get; init; }

    /// <summary>Applied, pending, failed, or recorded in the database by a migration none of the assemblies has.</summary>
    public string Status => (IsFailed, IsApplied, IsKnown) switch
    {
        (true, _, _) => "failed",
        (false, true, true) => "applied",
        (false, false, _) => "pending",
        (false, true, false) => "applied, not in the assemblies",
    };
}
