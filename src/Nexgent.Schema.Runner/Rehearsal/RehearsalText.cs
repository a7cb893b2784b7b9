using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Nexgent.Schema.Runner.Rehearsal;

/// <summary>A rehearsal report as a person reads it: each migration's statements in a table, then the blocking per table.</summary>
internal static partial class RehearsalText
{
    private const int StatementWidth = 100;

    public static string Format(RehearsalReport report)
    {
        var text = new StringBuilder();
        if (report.CopiedTo is null)
        {
            text.AppendLine($"Nothing to rehearse: {report.Database} is at version {report.VersionBefore}.");
            return text.ToString();
        }

        text.AppendLine($"Rehearsed the deploy of {report.Database} on a copy ({report.CopiedTo}, made in {Seconds(report.CopySeconds)} s, then dropped); the database was not changed.");
        foreach (var migration in report.Migrations)
        {
            text.AppendLine();
            Migration(text, migration);
        }

        text.AppendLine();
        var tables = report.Tables.Where(t => t.WritesBlockedSeconds > 0 || t.ReadsBlockedSeconds > 0).ToList();
        if (tables.Count == 0)
        {
            text.AppendLine("No table's writes or reads were blocked.");
        }
        else
        {
            text.AppendLine("Blocked per table, the longest by any one migration:");
            var rows = tables.Select(t => new[] { t.Table, Seconds(t.WritesBlockedSeconds), Seconds(t.ReadsBlockedSeconds) });
            Table(text, ["table", "writes blocked (s)", "reads blocked (s)"], rows, rightAligned: [1, 2]);
        }

        var refused = report.Migrations.Where(m => m.DataLoss.Count > 0).ToList();
        if (refused.Count > 0)
        {
            text.AppendLine();
            text.AppendLine($"A deploy would refuse {refused.Count} migration(s) that lose data, unless the loss is accepted:");
            foreach (var migration in refused)
            {
                text.AppendLine($"  {migration.Version} {migration.Description}: {string.Join("; ", migration.DataLoss).TrimEnd('.')}.");
            }
        }

        text.AppendLine();
        text.AppendLine(report.Failure is null
            ? $"The deploy would take {report.Database} from version {report.VersionBefore} to {report.VersionAfter}."
            : $"The deploy would fail: {report.Failure}");
        return text.ToString();
    }

    private static void Migration(StringBuilder text, RehearsedMigration migration)
    {
        var how = migration.Transactional ? "in one transaction" : "outside a transaction: each statement's locks end with it";
        text.AppendLine(migration.Outcome switch
        {
            RehearsalOutcome.NotRun => $"{migration.Version} {migration.Description}: not run, a migration before it failed",
            RehearsalOutcome.Failed => $"{migration.Version} {migration.Description}: FAILED after {Seconds(migration.Seconds)} s, {how}",
            _ => $"{migration.Version} {migration.Description}: {Seconds(migration.Seconds)} s, {how}",
        });
        if (migration.Outcome == RehearsalOutcome.NotRun)
        {
            return;
        }

        var rows = migration.Statements.SelectMany((statement, i) =>
        {
            var shown = Strongest(statement.Locks);
            var locks = shown.Count == 0 ? ["-"] : shown.Select(Lock).ToList();
            return locks.Select((taken, j) => j == 0
                ? new[] { (i + 1).ToString(CultureInfo.InvariantCulture), Seconds(statement.StartSeconds), Seconds(statement.Seconds), taken, (statement.Failed ? "FAILED: " : "") + OneLine(statement.Sql) }
                : ["", "", "", taken, ""]);
        });
        Table(text, ["#", "at (s)", "time (s)", "locks taken", "statement"], rows, rightAligned: [0, 1, 2], indent: "  ");

        var blocked = migration.Blocking.Where(b => b.WritesBlockedSeconds > 0 || b.ReadsBlockedSeconds > 0).ToList();
        text.AppendLine(blocked.Count == 0
            ? "  blocked: no table's writes or reads"
            : $"  blocked{(!migration.Transactional ? "" : migration.Outcome == RehearsalOutcome.Failed ? " until the rollback" : " until the commit")}: " + string.Join(", ", blocked.Select(b =>
                $"{b.Table} writes {Seconds(b.WritesBlockedSeconds)} s" + (b.ReadsBlockedSeconds > 0 ? $" and reads {Seconds(b.ReadsBlockedSeconds)} s" : ""))));
    }

    /// <summary>
    /// The locks worth reading: the strongest on each relation, and on an index only one stronger than what the
    /// statement took on its table (the JSON lists them all).
    /// </summary>
    private static List<TakenLock> Strongest(IReadOnlyList<TakenLock> locks)
    {
        var strongest = locks.GroupBy(l => l.Relation, StringComparer.Ordinal).Select(g => g.MaxBy(l => l.Level)!).ToList();
        var onTables = strongest.Where(l => l.Relation == l.Table).ToDictionary(l => l.Table, l => l.Level, StringComparer.Ordinal);
        return strongest.Where(l => l.Relation == l.Table || !onTables.TryGetValue(l.Table, out var onTable) || l.Level > onTable).ToList();
    }

    private static string Lock(TakenLock taken)
    {
        var relation = taken.Relation == taken.Table ? taken.Relation : $"{taken.Relation} (of {taken.Table})";
        return $"{relation} {taken.Mode}{(taken.NewRelation ? " (new)" : "")}";
    }

    private static string Seconds(double seconds) => seconds.ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>The statement on one line, whitespace collapsed, cut when long.</summary>
    private static string OneLine(string sql)
    {
        var line = Whitespace().Replace(sql, " ").Trim();
        return line.Length <= StatementWidth ? line : line[..(StatementWidth - 3)] + "...";
    }

    private static void Table(StringBuilder text, string[] headings, IEnumerable<string[]> rows, int[] rightAligned, string indent = "  ")
    {
        var all = rows.Prepend(headings).ToList();
        var widths = headings.Select((_, c) => all.Max(r => r[c].Length)).ToArray();
        foreach (var row in all)
        {
            var cells = row.Select((cell, c) => c == row.Length - 1 && !rightAligned.Contains(c) ? cell
                : rightAligned.Contains(c) ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]));
            text.AppendLine((indent + string.Join("  ", cells)).TrimEnd());
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
