using FluentMigrator.Infrastructure;
using Microsoft.Extensions.Logging;
using Nexgent.Schema.Runner.Lint;

namespace Nexgent.Schema.Runner;

/// <summary>Lint: the lock hazards of the migrations still to apply.</summary>
public sealed partial class SchemaRunner
{
    /// <summary>
    /// The lock hazards of the pending migrations (<see cref="LintRules"/>): with a database, those it has not applied
    /// (an applied migration is never linted); with none (<see cref="SchemaRunnerOptions.NoConnection"/>), every
    /// migration. <paramref name="from"/> and <paramref name="to"/> narrow it to the versions between them, both
    /// included; a range of one version must name a migration of the assemblies (<see cref="UnknownVersionException"/>).
    /// With a database, each finding on a table it holds carries the table's size from the catalog.
    /// </summary>
    public LintReport Lint(long? from = null, long? to = null)
    {
        if (from is { } only && only == to)
        {
            RequireKnown(only, allowZero: false);
        }

        var applied = database.IsOffline ? [] : AppliedVersions();
        var inRange = Known.Values.Where(m => (from is null || m.Version >= from) && (to is null || m.Version <= to)).ToList();
        var pending = inRange.Where(m => !applied.Contains(m.Version)).Select(m => m.Version).ToHashSet();
        var report = AskingTheDatabase(() => linter.Lint(Known.Values, pending));
        return report with { SkippedApplied = inRange.Count - pending.Count };
    }

    /// <summary>
    /// What deploy prints before it applies anything: each finding of the migrations it is about to apply, as a warning
    /// (accepted ones as information, with their reason). It does not refuse on them.
    /// </summary>
    private void ReportLockHazards(IReadOnlyList<IMigrationInfo> plan)
    {
        if (plan.Count == 0)
        {
            return;
        }

        LintReport report;
        try
        {
            report = AskingTheDatabase(() => linter.Lint(Known.Values, plan.Select(m => m.Version).ToHashSet()));
        }
        catch (SchemaRunnerException e)
        {
            // What lint cannot read it cannot warn about; the deploy goes on, as it would after warning.
            logger.LogWarning("The lock hazards of the pending migrations could not be read: {Reason}", e.Sentence);
            return;
        }

        foreach (var finding in report.Findings)
        {
            if (finding.IsAccepted)
            {
                logger.LogInformation("Lock hazard accepted ({Reason}): {Finding}", finding.AcceptedBecause, finding);
            }
            else
            {
                logger.LogWarning("Lock hazard: {Finding}", finding);
            }
        }

        foreach (var statement in report.NotAnalysed)
        {
            logger.LogInformation("Not analysed for lock hazards: {Migration}: {Statement}", statement.Migration, statement.Statement);
        }

        foreach (var problem in report.Problems)
        {
            logger.LogWarning("{Problem}", problem);
        }
    }

    /// <summary>The lint problems validate reports: each finding no migration accepts, and each acceptance that cannot be honoured.</summary>
    private IEnumerable<string> LintProblems(HashSet<long> applied)
    {
        var pending = Known.Keys.Where(v => !applied.Contains(v)).ToHashSet();
        LintReport report;
        try
        {
            report = AskingTheDatabase(() => linter.Lint(Known.Values, pending));
        }
        catch (SchemaRunnerException e) when (e is not NoDatabaseException && e.InnerException is not Npgsql.NpgsqlException)
        {
            return [$"The lock hazards of the pending migrations could not be read: {e.Sentence}"];
        }

        return report.Hazards.Select(f => $"Migration {f.Migration}: lock hazard {f.Rule} on {f.Table}{(f.Size is null ? "" : $" ({f.Size})")}: {f.Why} ({f.Lock.ToSql()}, blocks {f.Blocks.Describe()}); instead: {f.SafeWay} Statement: {f.Statement}")
            .Concat(report.Problems);
    }
}
