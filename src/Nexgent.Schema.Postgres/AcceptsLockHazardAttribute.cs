namespace Nexgent.Schema.Postgres;

/// <summary>
/// Accepts the lock hazards of one lint rule in this migration, and says why: <c>dotnet fm lint</c> (and
/// <c>validate</c>, and <c>deploy</c>'s report) still show them, marked accepted with the reason, but they no longer
/// fail. <paramref name="rule"/> is a rule's id as lint prints it (<c>add-index-without-concurrently</c>,
/// <c>drop-column</c>...); one that names no rule is an error. Repeat the attribute for several rules. Reviewers
/// should check the reason: "the table is created empty in this release", "release 41 stopped reading the column".
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class AcceptsLockHazardAttribute(string rule, string reason) : Attribute
{
    /// <summary>The id of the lint rule whose findings this migration accepts.</summary>
    public string Rule { get; } = rule;

    /// <summary>Why the hazard is acceptable here.</summary>
    public string Reason { get; } = reason;
}
