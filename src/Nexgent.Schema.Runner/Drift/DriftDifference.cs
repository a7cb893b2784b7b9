using System.Text.RegularExpressions;

namespace Nexgent.Schema.Runner.Drift;

/// <summary>
/// One way a database differs from what its migrations build, said as a sentence on one line. <see cref="Expected"/>
/// and <see cref="Actual"/> hold the definitions in full (a function's or view's whole text); the sentence names the
/// object and says what differs without printing a long definition twice.
/// </summary>
public sealed partial record DriftDifference(FactKind Kind, string Name, string? Expected, string? Actual)
{
    /// <summary>How much of a changed line of a function's or view's definition a sentence quotes.</summary>
    private const int ExcerptLength = 60;

    /// <summary>How much of that line before the first character that differs.</summary>
    private const int ExcerptLead = 20;

    /// <summary>The words for a trigger's state that <see cref="SchemaCatalog"/> appends to its definition, enabled being none.</summary>
    private static readonly string[] TriggerStates = ["disabled", "enabled on replica only", "enabled always"];

    public string Sentence
    {
        get
        {
            if (Setting() is { } setting)
            {
                return $"{setting}.";
            }

            var noun = new CatalogFact(Kind, Name, "").Noun;
            return (Expected, Actual) switch
            {
                (null, _) => $"The database has {Article(noun)} {noun} {Name}{Described(Actual)} that the migrations do not create.",
                (_, null) => $"The {noun} {Name}{Described(Expected)} that the migrations create is missing from the database.",
                _ => Changed(noun, Expected, Actual),
            };
        }
    }

    private string Changed(string noun, string expected, string actual)
    {
        switch (Kind)
        {
            case FactKind.RowSecurity:
                return $"Row-level security on table {Name} is {actual} in the database but {expected} in the migrations.";
            case FactKind.Sequence:
                return $"The sequence {Name} is {OwnedBy(actual)} in the database but {OwnedBy(expected)} in the migrations.";
            case FactKind.ColumnOrder:
                return $"The columns of table {Name} are in the order {actual} in the database but {expected} in the migrations.";
            case FactKind.Trigger when TriggerState(expected) is var (wantedTrigger, wantedState) && TriggerState(actual) is var (foundTrigger, foundState)
                                       && wantedTrigger == foundTrigger:
                return $"The trigger {Name} is {foundState} in the database but {wantedState} in the migrations.";
            case FactKind.Function or FactKind.View:
                return $"The {noun} {Name} has a different definition in the database than in the migrations: {FirstDifference(expected, actual)}.";
            default:
                return $"The {noun} {Name} is {Shown(actual)} in the database but {Shown(expected)} in the migrations.";
        }
    }

    /// <summary>
    /// The sentence for a setting, a comment or privileges (a fact there only when not the default: a side without it
    /// has the default), else null.
    /// </summary>
    private string? Setting()
    {
        string Both(Func<string?, string> words) => $"{words(Actual)} in the database but {words(Expected)} in the migrations";
        return Kind switch
        {
            FactKind.Persistence => $"The table {Name} is {Both(v => v ?? "logged")}",
            FactKind.StorageParameters => $"The table {Name} has {Both(v => v is null ? "no storage parameters" : $"storage parameters ({v})")}",
            FactKind.Inheritance => $"The table {Name} {Both(v => $"inherits from {v ?? "no table"}")}",
            FactKind.Partitioning => $"The table {Name} is {Both(v => v is null ? "not partitioned" : $"partitioned by {v}")}",
            FactKind.PartitionOf => $"The table {Name} is {Both(v => v switch
            {
                null => "not a partition",
                _ when v.EndsWith(" DEFAULT", StringComparison.Ordinal) => $"the default partition of {v[..^" DEFAULT".Length]}",
                _ => $"a partition of {v}",
            })}",
            FactKind.ReplicaIdentity => $"The table {Name} has replica identity {Both(v => v ?? "default")}",
            FactKind.ClusterIndex => $"The table {Name} is marked to cluster {Both(v => $"on {v ?? "no index"}")}",
            FactKind.ColumnCollation => $"The column {Name} has {Both(v => v is null ? "the default collation" : $"collation {v}")}",
            FactKind.ColumnStorage => $"The column {Name} has {Both(v => v is null ? "its type's storage" : $"storage {v}")}",
            FactKind.ColumnStatistics => $"The column {Name} has {Both(v => v is null ? "the default statistics target" : $"statistics target {v}")}",
            FactKind.ColumnCompression => $"The column {Name} has {Both(v => v is null ? "the default compression" : $"compression {v}")}",
            FactKind.ColumnOptions => $"The column {Name} has {Both(v => v is null ? "no options" : $"options ({v})")}",
            FactKind.SequenceOptions => $"The sequence {Name} has {Both(v => v is null ? "the default options" : $"options ({v})")}",
            FactKind.Comment => $"The {Name} has {Both(v => v is null ? "no comment" : $"the comment {Shown(v)}")}",
            FactKind.Privileges => $"The privileges on {Name} are {Both(v => v is null ? "the default" : $"the default with {v}")}",
            _ => null,
        };
    }

    /// <summary>A sequence's definition: the column it is owned by, if any.</summary>
    private static string OwnedBy(string definition) => definition.Length == 0 ? "owned by no column" : definition;

    private static string Article(string noun) => "aeiou".Contains(noun[0]) ? "an" : "a";

    /// <summary>
    /// A definition in parentheses after the object's name; none for a function or view, whose text spans lines and
    /// says nothing a person needs to know that it is there.
    /// </summary>
    private string Described(string? definition)
        => Kind is FactKind.Function or FactKind.View || string.IsNullOrEmpty(definition) ? "" : $" ({OneLine(definition)})";

    private static string Shown(string? definition) => string.IsNullOrEmpty(definition) ? "(empty)" : $"'{OneLine(definition)}'";

    /// <summary>A definition PostgreSQL prints on several lines (a rule's), on one.</summary>
    private static string OneLine(string definition) => LineBreaks().Replace(definition, " ");

    /// <summary>A trigger's definition without the state its catalog fact ends with, and that state.</summary>
    private static (string Trigger, string State) TriggerState(string definition)
        => TriggerStates.FirstOrDefault(s => definition.EndsWith($" ({s})", StringComparison.Ordinal)) is { } state
            ? (definition[..^(state.Length + 3)], state)
            : (definition, "enabled");

    /// <summary>The first line where two definitions part, quoted around where they part.</summary>
    private static string FirstDifference(string expected, string actual)
    {
        var wantedLines = expected.ReplaceLineEndings("\n").Split('\n');
        var foundLines = actual.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < Math.Max(wantedLines.Length, foundLines.Length); i++)
        {
            var wanted = i < wantedLines.Length ? wantedLines[i] : null;
            var found = i < foundLines.Length ? foundLines[i] : null;
            if (wanted == found)
            {
                continue;
            }

            var at = wanted is null || found is null ? 0 : FirstDifferentCharacter(wanted, found);
            var (wantedExcerpt, foundExcerpt) = (Excerpt(wanted, at), Excerpt(found, at));
            return wantedExcerpt == foundExcerpt
                ? $"line {i + 1} differs in white space only"
                : $"line {i + 1} is {foundExcerpt} in the database but {wantedExcerpt} in the migrations";
        }

        return "they differ in white space only";
    }

    private static int FirstDifferentCharacter(string a, string b)
    {
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }

        return i;
    }

    /// <summary>A line, or its part around <paramref name="at"/> when it is long, quoted; "absent" for no line.</summary>
    private static string Excerpt(string? line, int at)
    {
        if (line is null)
        {
            return "absent";
        }

        var start = line.Length <= ExcerptLength ? 0 : Math.Min(Math.Max(0, at - ExcerptLead), line.Length - ExcerptLength);
        var length = Math.Min(ExcerptLength, line.Length - start);
        var excerpt = line.Substring(start, length).Trim();
        return excerpt.Length == 0
            ? "empty"
            : $"'{(start > 0 ? "..." : "")}{excerpt}{(start + length < line.Length ? "..." : "")}'";
    }

    [GeneratedRegex(@"\s*[\r\n]+\s*")]
    private static partial Regex LineBreaks();
}
