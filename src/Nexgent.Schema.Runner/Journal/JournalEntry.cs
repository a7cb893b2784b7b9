namespace Nexgent.Schema.Runner.Journal;

internal enum JournalState
{
    /// <summary>Applied; the checksum is that of the SQL the migration generated then.</summary>
    Applied,

    /// <summary>A migration that cannot run in a transaction started and has not finished (the runner died).</summary>
    Running,

    /// <summary>A migration that cannot run in a transaction failed midway: part of it may be in the database.</summary>
    Failed,

    /// <summary>
    /// Applied once, then rolled back: a Down that re-added a column put it last in its table, which drift then knows
    /// to be no hand change.
    /// </summary>
    RolledBack,
}

internal sealed record JournalEntry(long Version, string? Checksum, JournalState State, string? Error, DateTime UpdatedOn)
{
    /// <summary>Running or failed: the database may hold part of the migration and nothing runs until a person resolves it.</summary>
    public bool IsDirty => State is JournalState.Running or JournalState.Failed;
}
