namespace Nexgent.Schema.Cli;

/// <summary>A failure of the tool itself (its settings, the migrations project), explained in one sentence.</summary>
internal sealed class CliException(string message) : Exception(message);
