namespace Nexgent.Schema.Runner;

/// <summary>
/// The file the SQL was to be written to (<see cref="SchemaRunnerOptions.SqlOutputFile"/>) cannot be written: its folder
/// is missing, it is a folder, or writing there is not allowed. Thrown when the runner is created, before anything runs.
/// </summary>
public sealed class SqlOutputFileException(string file, string reason, Exception? innerException = null)
    : SchemaRunnerException($"The SQL cannot be written to '{file}': {reason}; nothing was run.", innerException)
{
    public string File { get; } = file;

    /// <summary>Why, in a few words: "its folder /x does not exist", "it is a folder", "permission denied".</summary>
    public string Reason { get; } = reason;
}
