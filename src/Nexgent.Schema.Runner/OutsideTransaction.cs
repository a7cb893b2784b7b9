using System.Text.RegularExpressions;
using Nexgent.Schema.Runner.Safety;

namespace Nexgent.Schema.Runner;

/// <summary>
/// The statements PostgreSQL refuses inside a transaction block (<c>CREATE INDEX CONCURRENTLY</c>, <c>VACUUM</c>...) and
/// the <c>COMMIT</c> of a <c>DO</c> block (a batched backfill), which fails in one: a migration holding any of them
/// has to be declared <c>TransactionBehavior.None</c>. Read from the code of each statement, comments and literals left out.
/// </summary>
internal static partial class OutsideTransaction
{
    /// <summary>What each such statement of <paramref name="sql"/> does ("CREATE INDEX CONCURRENTLY"), in order; none for SQL that runs in a transaction.</summary>
    public static IEnumerable<string> In(string sql)
    {
        var inDoBlock = false;
        foreach (var statement in SqlStatement.Split(sql))
        {
            // A DO block's statements come out one by one; a routine's body is only defined here, not run.
            inDoBlock = DoBlock().IsMatch(statement.Code) || (inDoBlock && !Routine().IsMatch(statement.Code));
            if (Concurrently().Match(statement.Code) is { Success: true } concurrently)
            {
                yield return $"{Words(concurrently.Groups["what"].Value)} CONCURRENTLY";
            }
            else if (Refused().Match(statement.Code) is { Success: true } refused)
            {
                yield return Words(refused.Groups["what"].Value);
            }
            else if (inDoBlock && Commit().Match(statement.Code) is { Success: true } commit)
            {
                yield return $"{commit.Groups["what"].Value.ToUpperInvariant()} inside a DO block";
            }
        }
    }

    private static string Words(string code) => Whitespace().Replace(code.Trim(), " ").ToUpperInvariant();

    [GeneratedRegex(@"^\s*(?<what>CREATE\s+(?:UNIQUE\s+)?INDEX|DROP\s+INDEX)\s+CONCURRENTLY\b|^\s*(?<what>REINDEX)\s*(?:\([^)]*\))?\s*[A-Za-z]+\s+CONCURRENTLY\b|^\s*ALTER\s+TABLE\b.*\b(?<what>DETACH\s+PARTITION)\b.*\bCONCURRENTLY\b", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Concurrently();

    [GeneratedRegex(@"^\s*(?<what>VACUUM|(?:CREATE|DROP)\s+(?:DATABASE|TABLESPACE)|ALTER\s+SYSTEM|(?:CREATE|DROP)\s+SUBSCRIPTION)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Refused();

    /// <summary>A PL/pgSQL COMMIT or ROLLBACK: the whole statement, or the end of one (<c>IF ... THEN COMMIT</c>).</summary>
    [GeneratedRegex(@"(?:^|\b(?:BEGIN|THEN|ELSE|LOOP))\s*(?<what>COMMIT|ROLLBACK)(?:\s+AND\s+(?:NO\s+)?CHAIN)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Commit();

    [GeneratedRegex(@"^\s*DO\b", RegexOptions.IgnoreCase)]
    private static partial Regex DoBlock();

    [GeneratedRegex(@"^\s*CREATE\s+(?:OR\s+REPLACE\s+)?(?:FUNCTION|PROCEDURE)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Routine();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
