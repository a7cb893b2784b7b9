using System.Text;

namespace Nexgent.Schema.Testing;

/// <summary>
/// How two catalogs differ: the lines only the expected one has, the lines only the actual one has, and, when both hold
/// the same lines in another order (a table's columns), the first place where they part.
/// </summary>
internal sealed class CatalogDiff
{
    /// <summary>At most this many lines of each side are shown; the rest are counted.</summary>
    public const int ShownLines = 40;

    private CatalogDiff(IReadOnlyList<string> onlyExpected, IReadOnlyList<string> onlyActual, OrderDifference? order)
    {
        OnlyExpected = onlyExpected;
        OnlyActual = onlyActual;
        Order = order;
    }

    /// <summary>Lines of the expected catalog the actual one lacks, in the expected catalog's order.</summary>
    public IReadOnlyList<string> OnlyExpected { get; }

    /// <summary>Lines of the actual catalog the expected one lacks, in the actual catalog's order.</summary>
    public IReadOnlyList<string> OnlyActual { get; }

    /// <summary>When the lines are the same but their order is not (compared only with <c>ordered</c>): the first place they part.</summary>
    public OrderDifference? Order { get; }

    public bool IsEmpty => OnlyExpected.Count == 0 && OnlyActual.Count == 0 && Order is null;

    /// <summary>
    /// Compares two catalogs as lists of lines. With <paramref name="ordered"/> the order counts too (a snapshot of a
    /// database migrated forward); without, only which lines each holds (after a Down, which puts a re-added column last).
    /// </summary>
    public static CatalogDiff Compare(IReadOnlyList<string> expected, IReadOnlyList<string> actual, bool ordered)
    {
        var onlyExpected = Without(expected, actual);
        var onlyActual = Without(actual, expected);
        OrderDifference? order = null;
        if (ordered && onlyExpected.Count == 0 && onlyActual.Count == 0)
        {
            var index = Enumerable.Range(0, expected.Count).FirstOrDefault(i => !string.Equals(expected[i], actual[i], StringComparison.Ordinal), -1);
            if (index >= 0)
            {
                order = new OrderDifference(index + 1, expected[index], actual[index]);
            }
        }

        return new CatalogDiff(onlyExpected, onlyActual, order);
    }

    /// <summary>
    /// The difference as lines to read, each side under its name: <c>- </c> before what only
    /// <paramref name="expectedName"/> holds, <c>+ </c> before what only <paramref name="actualName"/> holds.
    /// </summary>
    public string Describe(string expectedName, string actualName)
    {
        var text = new StringBuilder();
        Side(text, $"only in {expectedName}", '-', OnlyExpected);
        Side(text, $"only in {actualName}", '+', OnlyActual);
        if (Order is { } order)
        {
            text.Append(Invariant($"  the same lines in another order; line {order.Line} is\n    - {order.Expected}   ({expectedName})\n    + {order.Actual}   ({actualName})\n"));
        }

        return text.ToString().TrimEnd('\n');
    }

    public override string ToString() => Describe("the expected catalog", "the actual catalog");

    private static void Side(StringBuilder text, string title, char mark, IReadOnlyList<string> lines)
    {
        if (lines.Count == 0)
        {
            return;
        }

        text.Append(Invariant($"  {title} ({lines.Count} line{(lines.Count == 1 ? "" : "s")}):\n"));
        foreach (var line in lines.Take(ShownLines))
        {
            text.Append("    ").Append(mark).Append(' ').Append(line).Append('\n');
        }

        if (lines.Count > ShownLines)
        {
            text.Append(Invariant($"    ... and {lines.Count - ShownLines} more\n"));
        }
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);

    /// <summary>The lines of <paramref name="lines"/> left once each line of <paramref name="other"/> has taken away one equal to it.</summary>
    private static List<string> Without(IReadOnlyList<string> lines, IReadOnlyList<string> other)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in other)
        {
            counts[line] = counts.GetValueOrDefault(line) + 1;
        }

        var left = new List<string>();
        foreach (var line in lines)
        {
            if (counts.GetValueOrDefault(line) > 0)
            {
                counts[line]--;
            }
            else
            {
                left.Add(line);
            }
        }

        return left;
    }
}

/// <summary>The first line (1-based) at which two catalogs holding the same lines part, with each one's line there.</summary>
internal sealed record OrderDifference(int Line, string Expected, string Actual);
