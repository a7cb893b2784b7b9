using FluentMigrator;
using FluentMigrator.Infrastructure;
using Nexgent.Schema.Runner.Scripting;

namespace Nexgent.Schema.Runner;

/// <summary>What a script holds (<see cref="MigrationScripter"/>): the migrations of its range, after the runner's own refusals.</summary>
public sealed partial class SchemaRunner
{
    /// <summary>
    /// The migrations a script runs, in the order it runs them: up, those after <paramref name="from"/> (the version the
    /// database is at, 0 for an empty one; default 0) up to <paramref name="to"/> (included; default the latest), oldest
    /// first; down, those from <paramref name="from"/> (default the latest) down to the one after <paramref name="to"/>,
    /// newest first, as <c>rollback to</c> undoes them. Refused as a run would refuse them: an unknown version, a
    /// breaking change not allowed, a migration that runs in a transaction what PostgreSQL cannot, an irreversible one
    /// to roll back; and what a script cannot carry: a profile, or maintenance migrations (they run on every run and
    /// are recorded nowhere).
    /// </summary>
    internal ScriptPlan PlanScript(long? from, long? to, MigrationDirection direction)
    {
        var up = direction == MigrationDirection.Up;
        var latest = Known.Keys.DefaultIfEmpty(0).Max();
        if (!up && to is null)
        {
            throw new SchemaRunnerException("A script that rolls back needs the version to roll back to (0 for none); give it as its end.");
        }

        var start = from ?? (up ? 0 : latest);
        var end = to ?? latest;
        RequireKnown(start, allowZero: true);
        RequireKnown(end, allowZero: !up);
        if (up ? start >= end : start <= end)
        {
            throw new SchemaRunnerException(up
                ? $"A script up goes from the version the database is at to a later one, and {end} is not after {start}; give a later end, or roll back instead."
                : $"A script that rolls back goes from the version the database is at to an earlier one, and {end} is not before {start}; give an earlier end, or script up instead.");
        }

        var migrations = up
            ? Known.Values.Where(m => m.Version > start && m.Version <= end).OrderBy(m => m.Version).ToList()
            : Known.Values.Where(m => m.Version > end && m.Version <= start).OrderByDescending(m => m.Version).ToList();
        var steps = migrations.Select(m => Step(m, direction)).ToList();
        if (up)
        {
            RefuseBreakingChanges(steps);
        }
        else
        {
            RefuseIrreversible(migrations);
        }

        RefuseWhatCannotRunInATransaction(steps);
        return new ScriptPlan(start, end, direction, migrations, steps, options.Value.LockTimeout, options.Value.LockWait);
    }

    /// <summary>
    /// A profile, or a maintenance migration the tags bring in: neither is versioned, both run on every run up, so a
    /// script could neither record them nor, run twice, tell whether they ran.
    /// </summary>
    internal void RefuseWhatScriptsCannotCarry(MigrationDirection direction)
    {
        if (options.Value.Profile is { } profile)
        {
            throw new SchemaRunnerException(
                $"A script carries no profile ('{profile}'): a profile runs on every run up and is recorded nowhere; write the script without it, and apply the profile with the runner. Nothing was written.");
        }

        if (direction != MigrationDirection.Up || !HasMaintenance)
        {
            return;
        }

        var maintenance = Enum.GetValues<MigrationStage>()
            .SelectMany(stage => FluentRunner.MaintenanceLoader.LoadMaintenance(stage))
            .Select(m => m.Migration.GetType().Name)
            .Distinct()
            .ToList();
        if (maintenance.Count > 0)
        {
            throw new SchemaRunnerException(
                $"The assemblies hold maintenance migrations ({string.Join(", ", maintenance)}), which run around every run up and are recorded nowhere, so a script cannot carry them; apply these migrations with the runner instead. Nothing was written.");
        }
    }
}

/// <summary>The range of a script and its migrations in the order they run, with the runner's lock settings.</summary>
internal sealed record ScriptPlan(
    long From,
    long To,
    MigrationDirection Direction,
    IReadOnlyList<IMigrationInfo> Migrations,
    IReadOnlyList<MigrationStep> Steps,
    TimeSpan LockTimeout,
    TimeSpan LockWait);
