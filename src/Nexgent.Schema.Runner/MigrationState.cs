namespace Nexgent.Schema.Runner;

/// <summary>One migration as the assemblies and the database know it.</summary>
public sealed record MigrationState(long Version, string Description, DateTime? AppliedOn, bool IsKnown)
{
    public bool IsApplied => AppliedOn is not null;

    /// <summary>Applied, pending, or recorded in the database by a migration none of the assemblies has.</summary>
    public string Status => (IsApplied, IsKnown) switch
    {
        (true, true) => "applied",
        (false, _) => "pending",
        (true, false) => "applied, not in the assemblies",
    };
}
