using Nexgent.Schema.Tests.Infrastructure;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Nexgent.Schema.Runner;
using Nexgent.Schema.Runner.Journal;
using Npgsql;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Compatibility;

/// <summary>
/// What a compatibility test compares between the database FluentMigrator's runner migrated and the one dotnet fm
/// migrated: the schema as <c>pg_dump --schema-only --no-owner</c> prints it (without dotnet fm's own bookkeeping
/// tables), the version rows (Version and Description; AppliedOn differs by nature), and the feature's
/// <see cref="Feature.ComparedRows"/>.
/// </summary>
public sealed partial record DatabaseState(IReadOnlyList<string> Schema, IReadOnlyList<string> Versions, IReadOnlyList<string> Rows)
{
    /// <summary>dotnet fm's tables besides FluentMigrator's version table: expected extra, left out of the dump.</summary>
    public static readonly IReadOnlyList<string> DotnetFmBookkeeping = [VersionJournal.TableName];

    public static DatabaseState Of(TestDatabase database, Feature feature)
        => new(Dump(database), VersionRows(database, feature.VersionTable), [.. feature.ComparedRows.SelectMany(query => RowsOf(database, query))]);

    /// <summary>Fails, listing every difference, unless <paramref name="actual"/> is <paramref name="expected"/>.</summary>
    public static void AssertSame(DatabaseState expected, DatabaseState actual, string moment, string expectedName = "FluentMigrator's runner", string actualName = "dotnet fm")
    {
        var differences = new StringBuilder();
        Compare("schema (pg_dump --schema-only)", expected.Schema, actual.Schema);
        Compare("version rows", expected.Versions, actual.Versions);
        Compare("rows", expected.Rows, actual.Rows);
        Assert.That(differences.Length, Is.Zero, $"After {moment}, the database of {actualName} differs from that of {expectedName} (- {expectedName} only, + {actualName} only):\n{differences}");

        void Compare(string what, IReadOnlyList<string> left, IReadOnlyList<string> right)
        {
            if (!left.SequenceEqual(right))
            {
                differences.AppendLine($"--- {what}").AppendLine(LineDiff.Of(left, right));
            }
        }
    }

    /// <summary>The versions a database records, newest last, as "Version Description".</summary>
    public static IReadOnlyList<string> VersionRows(TestDatabase database, VersionTableName table)
    {
        var qualified = $"{Identifier.Quote(table.Schema)}.{Identifier.Quote(table.Table)}";
        if (!database.Scalar<bool>($"SELECT to_regclass('{qualified.Replace("'", "''", StringComparison.Ordinal)}') IS NOT NULL"))
        {
            return [$"(no version table {qualified})"];
        }

        return [.. database.Rows($"SELECT {Identifier.Quote(table.VersionColumn)}, {Identifier.Quote(table.DescriptionColumn)} FROM {qualified} ORDER BY 1")
            .Select(row => $"{row[0]} {row[1] ?? "(null)"}")];
    }

    private static IEnumerable<string> RowsOf(TestDatabase database, string query)
    {
        yield return query;
        List<object?[]> rows;
        try
        {
            rows = database.Rows(query);
        }
        catch (PostgresException e)
        {
            rows = [[$"(fails: {e.MessageText})"]];
        }

        foreach (var row in rows)
        {
            yield return "  " + string.Join(" | ", row.Select(value => value switch
            {
                null => "NULL",
                IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString(),
            }));
        }
    }

    /// <summary>
    /// pg_dump's schema of the database, dotnet fm's bookkeeping left out, without its comments, blank lines and the
    /// random key of its \restrict lines, and with timestamp literals masked (a default of DateTime.Now differs by nature).
    /// </summary>
    private static List<string> Dump(TestDatabase database)
        => [.. PgDump.SchemaOf(database, DotnetFmBookkeeping, "--no-owner").Select(line => TimestampLiteral().Replace(line, "'<timestamp>'"))];

    [GeneratedRegex(@"'\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}(:\d{2})?)?'")]
    private static partial Regex TimestampLiteral();
}

/// <summary>The lines of two lists that differ, by their longest common subsequence, with two lines of context.</summary>
internal static class LineDiff
{
    public static string Of(IReadOnlyList<string> left, IReadOnlyList<string> right)
    {
        var common = new int[left.Count + 1, right.Count + 1];
        for (var i = left.Count - 1; i >= 0; i--)
        {
            for (var j = right.Count - 1; j >= 0; j--)
            {
                common[i, j] = left[i] == right[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        var lines = new List<(char Mark, string Text)>();
        int l = 0, r = 0;
        while (l < left.Count || r < right.Count)
        {
            if (l < left.Count && r < right.Count && left[l] == right[r])
            {
                lines.Add((' ', left[l++]));
                r++;
            }
            else if (r < right.Count && (l == left.Count || common[l, r + 1] >= common[l + 1, r]))
            {
                lines.Add(('+', right[r++]));
            }
            else
            {
                lines.Add(('-', left[l++]));
            }
        }

        var shown = new StringBuilder();
        var lastShown = -1;
        for (var k = 0; k < lines.Count; k++)
        {
            var near = Enumerable.Range(Math.Max(0, k - 2), Math.Min(lines.Count, k + 3) - Math.Max(0, k - 2)).Any(n => lines[n].Mark != ' ');
            if (!near)
            {
                continue;
            }

            if (lastShown >= 0 && k > lastShown + 1)
            {
                shown.AppendLine("  ...");
            }

            shown.Append(lines[k].Mark).Append(' ').AppendLine(lines[k].Text);
            lastShown = k;
        }

        return shown.ToString().TrimEnd();
    }
}
