namespace Nexgent.Schema.Runner;

/// <summary>
/// A failure explained in one sentence a person can act on, then, for a PostgreSQL error, what PostgreSQL said
/// about it on labelled lines of their own. The message never holds a password, and neither it nor
/// <see cref="ToString"/> holds the row values a constraint violation quotes, unless they were asked for.
/// </summary>
public class SchemaRunnerException : Exception
{
    public SchemaRunnerException(string message, Exception? innerException = null)
        : this(message, [], innerException)
    {
    }

    internal SchemaRunnerException(string sentence, IReadOnlyList<string> details, Exception? innerException)
        : base(sentence + string.Concat(details.Select(line => "\n  " + line)), innerException)
    {
        Sentence = sentence;
        Details = details;
    }

    /// <summary>The failure in one sentence: the first line of the message.</summary>
    public string Sentence { get; }

    /// <summary>The rest of the message: PostgreSQL's detail, hint and statement, each as "label: text".</summary>
    public IReadOnlyList<string> Details { get; }

    /// <summary>Whether the row values quoted by the inner exceptions were asked for (<see cref="SchemaRunnerOptions.ShowRowValuesInErrors"/>).</summary>
    internal bool ShowsRowValues { get; init; }

    /// <summary>The same failure with another sentence after the first.</summary>
    internal SchemaRunnerException WithSentence(string sentence)
        => new($"{Sentence} {sentence}", Details, InnerException) { ShowsRowValues = ShowsRowValues };

    /// <summary>The message and stack traces (--verbose), with the row values the inner exceptions quote withheld unless asked for.</summary>
    public override string ToString() => ShowsRowValues ? base.ToString() : RowValues.WithheldFrom(base.ToString(), this);
}
