namespace Nexgent.Schema.Testing;

/// <summary>
/// A check of the kit failed: a round trip that does not give the catalog back, a missing or changed snapshot. The
/// message is the whole report (the migration, what differs, what to run); a test framework shows it as the failure.
/// </summary>
public sealed class MigrationCheckException : Exception
{
    public MigrationCheckException(long version, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Version = version;
    }

    /// <summary>The version of the migration or snapshot that failed.</summary>
    public long Version { get; }
}
