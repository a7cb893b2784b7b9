namespace Nexgent.Schema.Runner;

/// <summary>What a migrate or rollback did: the steps in the order they ran, and the version it left.</summary>
public sealed record MigrationResult(IReadOnlyList<MigrationStep> Steps, long VersionBefore, long VersionAfter, bool Preview);
