using Npgsql;

namespace Nexgent.Schema.Runner;

/// <summary>
/// A constraint violation (SQLSTATE class 23) quotes the rows it met in its DETAIL: "Key (ref)=(A-1) already
/// exists", "Failing row contains (...)". In a production database those may be sensitive, so the runner withholds
/// them unless <see cref="SchemaRunnerOptions.ShowRowValuesInErrors"/> is set; every other DETAIL speaks of the
/// schema (two column types that do not match, a missing object) and is always shown.
/// </summary>
internal static class RowValues
{
    public const string Withheld = "withheld, as it quotes table rows; run again with --show-row-values (ShowRowValuesInErrors) to see it";

    public static bool AreQuotedBy(PostgresException error)
        => error.SqlState.StartsWith("23", StringComparison.Ordinal) && !string.IsNullOrEmpty(error.Detail);

    public static bool AreQuotedIn(Exception exception) => Violations(exception).Any();

    /// <summary><paramref name="text"/> with the DETAIL of every constraint violation in <paramref name="exception"/> withheld.</summary>
    public static string WithheldFrom(string text, Exception exception)
        => Violations(exception).Aggregate(text, (withheld, violation) => withheld.Replace(violation.Detail!, Withheld));

    private static IEnumerable<PostgresException> Violations(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException error && AreQuotedBy(error))
            {
                yield return error;
            }
        }
    }
}
