namespace Nexgent.Schema.Runner;

/// <summary>
/// A migration is pending while later versions are already applied: the assemblies and the database disagree on the
/// order (<see cref="SchemaRunner.ValidateVersions"/>).
/// </summary>
public sealed class VersionOrderException(long version, string migration, int count, long latestApplied)
    : SchemaRunnerException($"Migration {migration} is pending but later versions are already applied ({count} such); apply it or give it a version after {latestApplied}.")
{
    /// <summary>The first pending version below an applied one.</summary>
    public long Version { get; } = version;

    /// <summary>How many pending migrations sit below an applied one.</summary>
    public int Count { get; } = count;

    public long LatestApplied { get; } = latestApplied;
}
