namespace Nexgent.Schema.Runner;

/// <summary>
/// A failure explained in one sentence a person can act on. The message never holds a password.
/// </summary>
public class SchemaRunnerException(string message, Exception? innerException = null)
    : Exception(message, innerException);
