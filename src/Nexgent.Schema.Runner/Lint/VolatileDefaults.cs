using System.Text.RegularExpressions;

namespace Nexgent.Schema.Runner.Lint;

/// <summary>
/// Whether ADD COLUMN rewrites the table to give every row its value. Since PostgreSQL 11 a non-volatile default is
/// evaluated once, when the column is added, and stored in the catalog as the value of the rows that have none: no
/// rewrite. That covers constants and STABLE functions (<c>now()</c>, <c>CURRENT_TIMESTAMP</c>,
/// <c>transaction_timestamp()</c>, <c>statement_timestamp()</c>, <c>CURRENT_DATE</c>, <c>LOCALTIMESTAMP</c>,
/// <c>current_user</c>), which are the same for every row of one statement. A VOLATILE default is computed row by row,
/// so the table is rewritten: <c>random()</c>, <c>gen_random_uuid()</c>, the <c>uuid-ossp</c> and <c>pgcrypto</c>
/// generators, <c>clock_timestamp()</c>, <c>timeofday()</c>, <c>nextval()</c> (and so serial columns and identity
/// columns). A stored generated column is computed for every row too. A function lint does not know is not reported.
/// </summary>
internal static partial class VolatileDefaults
{
    /// <summary>Why adding <paramref name="column"/> rewrites the table, or null when it does not.</summary>
    public static string? Rewrites(ColumnDefinition column)
    {
        if (Serial().Match(column.Type) is { Success: true } serial)
        {
            return $"is a {serial.Value.ToLowerInvariant()} column, whose default nextval() is volatile";
        }

        if (column.Identity)
        {
            return "is an identity column, numbered row by row";
        }

        if (column.GeneratedStored)
        {
            return "is a stored generated column, computed for every row";
        }

        return column.Default is { } expression && VolatileCall().Match(expression) is { Success: true } call
            ? $"defaults to {call.Groups["name"].Value.ToLowerInvariant()}(), which is volatile (computed for each row)"
            : null;
    }

    [GeneratedRegex(@"^\s*(?:small|big)?serial(?:2|4|8)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Serial();

    [GeneratedRegex(@"\b(?:(?:pg_catalog|public|extensions)\s*\.\s*)?(?<name>random|random_normal|gen_random_uuid|gen_random_bytes|uuid_generate_v1|uuid_generate_v1mc|uuid_generate_v4|uuidv4|uuidv7|clock_timestamp|timeofday|nextval)\s*\(", RegexOptions.IgnoreCase)]
    private static partial Regex VolatileCall();
}
