using FluentMigrator;
using Microsoft.Extensions.Logging;
using Nexgent.Schema.Runner.Safety;
using Npgsql;

namespace Nexgent.Schema.Runner;

/// <summary>The production verbs: deploy, which refuses to lose data, and reset, which erases on purpose.</summary>
public sealed partial class SchemaRunner
{
    /// <summary>
    /// The production verb: applies every pending migration, but refuses before applying anything when one
    /// would lose data (declared by the migration or detected in its expressions, in tables that hold rows at its
    /// step), unless <paramref name="acceptDataLoss"/>. Then it logs the lock hazards of what it is about to apply
    /// (<see cref="Lint"/>), which it does not refuse. With <paramref name="backupFile"/>, writes a pg_dump first and
    /// stops if it fails.
    /// </summary>
    public MigrationResult Deploy(bool acceptDataLoss = false, string? backupFile = null)
        => Locked(() =>
        {
            var applied = AppliedVersions();
            var steps = DeploySteps(applied);

            var losing = steps.Where(s => s.DataLoss.Count > 0).Select(s => (s, s.DataLoss)).ToList();
            if (losing.Count > 0 && !acceptDataLoss && !options.Value.Preview)
            {
                throw new DataLossRefusedException(losing);
            }

            ReportLockHazards(steps.Select(s => Known[s.Version]).ToList());

            if (backupFile is not null && steps.Count > 0 && !options.Value.Preview)
            {
                logger.LogInformation("Backing up {Database} to {File} with pg_dump...", database.Describe(), backupFile);
                DatabaseBackup.Write(database, backupFile);
                logger.LogInformation("Backup written: {File} ({Size:0.0} MB); restore with pg_restore.", backupFile, new FileInfo(backupFile).Length / 1048576.0);
            }

            return Forward(() => Run(steps, applied));
        });

    /// <summary>The pending migrations a deploy applies, oldest first, each with what it would lose in the database as it is.</summary>
    private List<MigrationStep> DeploySteps(HashSet<long> applied)
    {
        var pending = PendingSteps(applied, target: null, m => Step(m, MigrationDirection.Up));
        var losses = AskingTheDatabase(() => dataLoss.Analyze(pending.Select(s => Known[s.Version]).ToList(), MigrationDirection.Up));
        return pending.Select(s => s with { DataLoss = losses[s.Version] }).ToList();
    }

    /// <summary>
    /// Drops every object of the schema, the version table with them, and applies every migration again
    /// (Prisma's <c>migrate reset</c>). Every row is lost: callers confirm first (see the CLI's <c>reset</c>).
    /// </summary>
    public MigrationResult Reset()
        => Locked(allowDirty: true, run: () =>
        {
            var everyMigration = Known.Values.Select(m => Step(m, MigrationDirection.Up)).ToList();
            RefuseBreakingChanges(everyMigration);
            RefuseWhatCannotRunInATransaction(everyMigration);
            if (options.Value.Preview)
            {
                logger.LogInformation("Would drop every object of {Database}, then apply every migration.", database.Describe());
                return Forward(() => Run(everyMigration, []));
            }

            try
            {
                var dropped = SchemaEraser.Erase(database);
                logger.LogWarning("Dropped {Count} objects of {Database} with all their rows.", dropped, database.Describe());
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                throw DatabaseErrors.Explain(e, database);
            }

            FluentRunner.VersionLoader.LoadVersionInfo();
            return Forward(() => Run(everyMigration, []));
        });
}
