namespace Nexgent.Schema.Runner.Drift;

/// <summary>One way a database differs from what its migrations build, said as a sentence.</summary>
public sealed record DriftDifference(FactKind Kind, string Name, string? Expected, string? Actual)
{
    public string Sentence
    {
        get
        {
            var noun = new CatalogFact(Kind, Name, "").Noun;
            return (Expected, Actual) switch
            {
                (null, _) => $"The database has {Article(noun)} {noun} {Name}{Described(Actual)} that the migrations do not create.",
                (_, null) => $"The {noun} {Name}{Described(Expected)} that the migrations create is missing from the database.",
                _ => $"The {noun} {Name} is {Shown(Actual)} in the database but {Shown(Expected)} in the migrations.",
            };
        }
    }

    private static string Article(string noun) => "aeiou".Contains(noun[0]) ? "an" : "a";

    private static string Described(string? definition) => string.IsNullOrEmpty(definition) ? "" : $" ({definition})";

    private static string Shown(string? definition) => string.IsNullOrEmpty(definition) ? "(empty)" : $"'{definition}'";
}
