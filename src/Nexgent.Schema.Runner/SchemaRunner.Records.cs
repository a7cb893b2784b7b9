using FluentMigrator;
using Microsoft.Extensions.Logging;
using Nexgent.Schema.Runner.Journal;
using Npgsql;

namespace Nexgent.Schema.Runner;

/// <summary>
/// Changing what the database records without running migrations: baselining, and resolving the dirty
/// state a failed non-transactional migration leaves.
/// </summary>
public sealed partial class SchemaRunner
{
    /// <summary>
    /// Records every known migration up to <paramref name="version"/> as applied without running it, for a
    /// schema that already exists (see <see cref="Baselining.Baseliner"/>, which checks that first).
    /// </summary>
    public IReadOnlyList<MigrationStep> RecordApplied(long version)
    {
        RequireKnown(version, allowZero: false);
        return Locked(() =>
        {
            var applied = AppliedVersions();
            var steps = Known.Values
                .Where(m => m.Version <= version && !applied.Contains(m.Version))
                .Select(m => Step(m, MigrationDirection.Up))
                .ToList();
            if (options.Value.Preview || steps.Count == 0)
            {
                return steps;
            }

            try
            {
                FluentRunner.VersionLoader.LoadVersionInfo();
                FluentRunner.Processor.BeginTransaction();
                foreach (var step in steps)
                {
                    // The version row and its journal row, in one transaction with every other step's.
                    FluentRunner.VersionLoader.UpdateVersionInfo(step.Version, Known[step.Version].Description);
                    journal.Write(Session, step.Version, JournalState.Applied, checksums.Compute(Known[step.Version]));
                    logger.LogInformation("Recorded {Step} as applied.", step);
                }

                FluentRunner.Processor.CommitTransaction();
            }
            catch (Exception e) when (e is not SchemaRunnerException)
            {
                AbandonRecording();
                throw DatabaseErrors.Explain(e, database);
            }

            return steps;
        });
    }

    /// <summary>
    /// After a person repaired what a failed non-transactional migration left, records the outcome: not applied
    /// (<paramref name="applied"/> false, Prisma's <c>resolve --rolled-back</c>) or applied (<c>--applied</c>).
    /// </summary>
    public void Resolve(long version, bool applied)
    {
        RequireKnown(version, allowZero: false);
        Locked(allowDirty: true, run: () =>
        {
            if (ReadJournal().FirstOrDefault(e => e.Version == version && e.IsDirty) is null)
            {
                throw new SchemaRunnerException(
                    $"Migration {Describe(version)} is not marked as failed, so there is nothing to resolve; its status shows the state of every migration.");
            }

            var recorded = AppliedVersions().Contains(version);
            try
            {
                // The version row and the journal row change together.
                FluentRunner.VersionLoader.LoadVersionInfo();
                FluentRunner.Processor.BeginTransaction();
                if (applied && !recorded)
                {
                    FluentRunner.VersionLoader.UpdateVersionInfo(version, Known[version].Description);
                }
                else if (!applied && recorded)
                {
                    FluentRunner.VersionLoader.DeleteVersion(version);
                }

                if (applied)
                {
                    journal.Write(Session, version, JournalState.Applied, checksums.Compute(Known[version]));
                }
                else
                {
                    journal.Remove(Session, version);
                }

                FluentRunner.Processor.CommitTransaction();
            }
            catch (Exception e) when (e is not SchemaRunnerException)
            {
                AbandonRecording();
                throw DatabaseErrors.Explain(e, database);
            }

            logger.LogInformation("Recorded {Version} as {State}.", Describe(version), applied ? "applied" : "rolled back");
            return 0;
        });
    }

    /// <summary>A non-transactional migration that failed midway leaves a state only a person can judge.</summary>
    private void RefuseDirty()
    {
        var dirty = ReadJournal().FirstOrDefault(e => e.IsDirty);
        if (dirty is null)
        {
            return;
        }

        var what = dirty.State == JournalState.Failed ? $"failed midway ({dirty.Error})" : "started and never finished";
        throw new DirtyDatabaseException(dirty.Version, Describe(dirty.Version), database.Describe(), what);
    }

    /// <summary>Ends the transaction of a recording that failed: rolled back, or forgotten when the server ended it.</summary>
    private void AbandonRecording()
    {
        if (Session.IsLost)
        {
            Session.ForgetLostTransaction(); // the server rolled it back
        }
        else
        {
            FluentRunner.Processor.RollbackTransaction();
        }
    }

    private IReadOnlyList<JournalEntry> ReadJournal() => AskingTheDatabase(journal.ReadAll);
}
