using System.Text.RegularExpressions;

namespace Nexgent.Schema.Runner.Safety;

/// <summary>
/// One column check of the guard <c>Execute.NarrowNumeric</c> writes before narrowing a numeric column: a
/// <c>DO $guard$</c> block that counts, per column, the rows whose value would be rounded or overflow, and raises an
/// error when there are any. <see cref="Condition"/> is the guard's own test of a row, taken as it is.
/// </summary>
internal sealed partial record NarrowingGuard(QualifiedName Table, string Column, string Type, int Scale, string Condition)
{
    /// <summary>The guard's checks in <paramref name="sql"/>, none when it is not a guard; a table without a schema is in <paramref name="defaultSchema"/>.</summary>
    public static IReadOnlyList<NarrowingGuard> In(string sql, string defaultSchema)
        => Guard().IsMatch(sql)
            ? Check().Matches(sql).Select(m => new NarrowingGuard(
                SqlNames.Resolve(m.Groups["table"].Value, defaultSchema),
                SqlNames.Unquote(m.Groups["column"].Value),
                m.Groups["type"].Value,
                int.Parse(m.Groups["scale"].Value),
                m.Groups["condition"].Value)).ToList()
            : [];

    [GeneratedRegex(@"^\s*DO\s+\$guard\$")]
    private static partial Regex Guard();

    [GeneratedRegex($@"SELECT count\(\*\) INTO n FROM (?<table>{SqlNames.Qualified}) WHERE (?<condition>(?<column>{SqlNames.IdentifierPattern}) <> round\(\k<column>, (?<scale>\d+)\)[^;]*);\s*IF n > 0 THEN\s*RAISE EXCEPTION 'Cannot change [^']*? to (?<type>numeric\(\d+,\d+\)):")]
    private static partial Regex Check();
}
