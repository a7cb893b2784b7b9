using System.Diagnostics;
using System.Reflection;
using FluentMigrator;
using FluentMigrator.Infrastructure;
using FluentMigrator.Runner;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nexgent.Schema.Runner.Baselining;
using Nexgent.Schema.Migrations;
using Nexgent.Schema.Runner.Drift;
using Nexgent.Schema.Runner.Journal;
using Nexgent.Schema.Runner.Safety;
using Npgsql;

namespace Nexgent.Schema.Runner;

/// <summary>
/// Migrates a PostgreSQL database up and down with FluentMigrator, one migration per transaction,
/// refusing targets and states FluentMigrator would pass over in silence (an unknown target version,
/// applied versions no assembly knows).
/// Get one from a scope of a provider built with <see cref="ServiceCollectionExtensions.AddSchemaRunner"/>.
/// </summary>
public sealed class SchemaRunner(
    IMigrationRunner runner,
    DatabaseConnection database,
    VersionTable versionTable,
    DataLossAnalyzer dataLoss,
    VersionJournal journal,
    MigrationChecksum checksums,
    IOptions<SchemaRunnerOptions> options,
    ILogger<SchemaRunner> logger)
{
    private readonly MigrationRunner fluentRunner = runner as MigrationRunner
        ?? throw new InvalidOperationException("FluentMigrator's MigrationRunner is expected behind IMigrationRunner.");

    private IReadOnlyDictionary<long, IMigrationInfo>? known;

    public DatabaseConnection Database => database;

    /// <summary>Every migration the assemblies hold or the database records, in version order.</summary>
    public IReadOnlyList<MigrationState> ListMigrations()
    {
        var applied = ReadApplied().ToDictionary(a => a.Version);
        var states = Known.Values.Select(m => new MigrationState(
            m.Version,
            m.Description ?? "",
            applied.TryGetValue(m.Version, out var a) ? a.AppliedOn : null,
            IsKnown: true));
        var unknown = applied.Values.Where(a => !Known.ContainsKey(a.Version))
            .Select(a => new MigrationState(a.Version, a.Description, a.AppliedOn, IsKnown: false));
        return states.Concat(unknown).OrderBy(s => s.Version).ToList();
    }

    public SchemaStatus Status()
    {
        var migrations = ListMigrations();
        var current = migrations.Where(m => m.IsApplied).Select(m => m.Version).DefaultIfEmpty(0).Max();
        var failed = ReadJournal().Where(e => e.IsDirty)
            .Select(e => new FailedMigration(e.Version, Known.TryGetValue(e.Version, out var m) ? m.Description ?? "" : "", e.State == JournalState.Running ? "never finished" : e.Error ?? "failed"))
            .ToList();
        return new SchemaStatus(database.Describe(), current, migrations, failed);
    }

    /// <summary>The highest applied version, 0 for a database never migrated.</summary>
    public long CurrentVersion() => ReadApplied().Select(a => a.Version).DefaultIfEmpty(0).Max();

    /// <summary>Applies every pending migration up to <paramref name="target"/> (all when null), oldest first.</summary>
    public MigrationResult MigrateUp(long? target = null)
    {
        if (target is { } t)
        {
            RequireKnown(t, allowZero: false);
        }

        return Locked(() =>
        {
            var applied = AppliedVersions();
            var steps = Known.Values
                .Where(m => !applied.Contains(m.Version) && (target is null || m.Version <= target))
                .Select(m => Step(m, MigrationDirection.Up))
                .ToList();
            RefuseExistingSchemaWithoutVersions(applied, steps);
            WarnAboutUnknown(applied);
            return Run(steps, applied);
        });
    }

    /// <summary>
    /// The production verb: applies every pending migration, but refuses before applying anything when one
    /// would lose data (declared by the migration or detected in its expressions), unless
    /// <paramref name="acceptDataLoss"/>. With <paramref name="backupFile"/>, writes a pg_dump first and stops if it fails.
    /// </summary>
    public MigrationResult Deploy(bool acceptDataLoss = false, string? backupFile = null)
        => Locked(() =>
        {
            var applied = AppliedVersions();
            var pending = Known.Values.Where(m => !applied.Contains(m.Version)).ToList();
            var steps = pending
                .Select(m => Step(m, MigrationDirection.Up) with { DataLoss = dataLoss.Analyze(m, MigrationDirection.Up) })
                .ToList();
            RefuseExistingSchemaWithoutVersions(applied, steps);
            WarnAboutUnknown(applied);

            var losses = steps.Where(s => s.DataLoss.Count > 0).Select(s => (s, s.DataLoss)).ToList();
            if (losses.Count > 0 && !acceptDataLoss && !options.Value.Preview)
            {
                throw new DataLossRefusedException(losses);
            }

            if (backupFile is not null && steps.Count > 0 && !options.Value.Preview)
            {
                logger.LogInformation("Backing up {Database} to {File} with pg_dump...", database.Describe(), backupFile);
                DatabaseBackup.Write(database, backupFile);
                logger.LogInformation("Backup written: {File} ({Size:0.0} MB); restore with pg_restore.", backupFile, new FileInfo(backupFile).Length / 1048576.0);
            }

            return Run(steps, applied);
        });

    /// <summary>
    /// Drops every object of the schema, the version table with them, and applies every migration again
    /// (Prisma's <c>migrate reset</c>). Every row is lost: callers confirm first (see the CLI's <c>reset</c>).
    /// </summary>
    public MigrationResult Reset()
        => Locked(allowDirty: true, run: () =>
        {
            if (options.Value.Preview)
            {
                logger.LogInformation("Would drop every object of {Database}, then apply every migration.", database.Describe());
                return Run(Known.Values.Select(m => Step(m, MigrationDirection.Up)).ToList(), []);
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

            fluentRunner.VersionLoader.LoadVersionInfo();
            return Run(Known.Values.Select(m => Step(m, MigrationDirection.Up)).ToList(), []);
        });

    /// <summary>Rolls back every applied migration above <paramref name="target"/>, newest first (0 rolls back all).</summary>
    public MigrationResult MigrateDown(long target)
    {
        RequireKnown(target, allowZero: true);
        return Locked(() =>
        {
            var applied = AppliedVersions();
            return Run(DownSteps(applied.Where(v => v > target), applied), applied);
        });
    }

    public MigrationResult RollbackTo(long version) => MigrateDown(version);

    public MigrationResult RollbackAll() => MigrateDown(0);

    /// <summary>Rolls back the last <paramref name="count"/> applied migrations.</summary>
    public MigrationResult RollbackBy(int count)
    {
        if (count < 1)
        {
            throw new SchemaRunnerException($"Cannot roll back by {count}; give a number of migrations of 1 or more.");
        }

        return Locked(() =>
        {
            var applied = AppliedVersions();
            if (count > applied.Count)
            {
                throw new SchemaRunnerException(
                    $"Cannot roll back {count} migrations: {database.Describe()} has only {applied.Count} applied; roll back by {Math.Max(applied.Count, 1)} or less, or use `rollback all`.");
            }

            return Run(DownSteps(applied.OrderDescending().Take(count), applied), applied);
        });
    }

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
                fluentRunner.VersionLoader.LoadVersionInfo();
                fluentRunner.Processor.BeginTransaction();
                foreach (var step in steps)
                {
                    fluentRunner.VersionLoader.UpdateVersionInfo(step.Version, step.Description);
                    logger.LogInformation("Recorded {Step} as applied.", step);
                }

                fluentRunner.Processor.CommitTransaction();
                foreach (var step in steps)
                {
                    journal.Write(step.Version, JournalState.Applied, checksums.Compute(Known[step.Version]));
                }
            }
            catch (Exception e) when (e is not SchemaRunnerException)
            {
                fluentRunner.Processor.RollbackTransaction();
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
                    $"Migration {Describe(version)} is not marked as failed, so there is nothing to resolve; `dotnet fm status` shows the state of every migration.");
            }

            var recorded = AppliedVersions().Contains(version);
            try
            {
                if (applied && !recorded)
                {
                    fluentRunner.VersionLoader.LoadVersionInfo();
                    fluentRunner.VersionLoader.UpdateVersionInfo(version, Known[version].Description);
                }
                else if (!applied && recorded)
                {
                    fluentRunner.VersionLoader.DeleteVersion(version);
                }
            }
            catch (Exception e) when (e is not SchemaRunnerException)
            {
                throw DatabaseErrors.Explain(e, database);
            }

            if (applied)
            {
                journal.Write(version, JournalState.Applied, checksums.Compute(Known[version]));
            }
            else
            {
                journal.Remove(version);
            }

            logger.LogInformation("Recorded {Version} as {State}.", Describe(version), applied ? "applied" : "rolled back");
            return 0;
        });
    }

    /// <summary>
    /// Everything that should hold before a deploy: versions in order, every migration reversible or marked
    /// irreversible, names by the convention, no dirty state, and applied migrations unchanged since they
    /// were applied (their SQL's checksum).
    /// </summary>
    public ValidationReport Validate()
    {
        var problems = new List<string>();
        foreach (var m in Known.Values)
        {
            var type = m.Migration.GetType();
            if (!DateTime.TryParseExact(m.Version.ToString(), "yyyyMMddHHmmss", null, System.Globalization.DateTimeStyles.None, out _))
            {
                problems.Add($"Migration {m.Version} {m.Description}: the version is not a yyyyMMddHHmmss timestamp.");
            }

            if (!Authoring.MigrationName.IsConventional(m.Description ?? "", type.Name))
            {
                problems.Add($"Migration {m.Version} {m.Description}: the description should be snake_case and the class its PascalCase ({type.Name}).");
            }

            if (type.GetCustomAttribute<IrreversibleAttribute>() is null && m.Migration is not AutoReversingMigration && checksums.DownIsEmpty(m))
            {
                problems.Add($"Migration {m.Version} {m.Description} has an empty Down; write it, or mark the class [Irreversible(\"why\")].");
            }
        }

        var states = ListMigrations();
        var applied = states.Where(s => s.IsApplied).Select(s => s.Version).ToHashSet();
        problems.AddRange(states.Where(s => !s.IsApplied && applied.Any(a => a > s.Version))
            .Select(s => $"Migration {s.Version} {s.Description} is pending but later versions are applied; apply it or give it a later version."));
        problems.AddRange(states.Where(s => !s.IsKnown)
            .Select(s => $"The database records {s.Version} {s.Description}, which no migration assembly contains."));

        var entries = ReadJournal().ToDictionary(e => e.Version);
        problems.AddRange(entries.Values.Where(e => e.IsDirty)
            .Select(e => $"Migration {Describe(e.Version)} failed midway and the database is dirty; repair it, then `dotnet fm resolve`."));
        var withoutChecksum = 0;
        var verified = 0;
        foreach (var version in applied.Where(Known.ContainsKey).Order())
        {
            if (!entries.TryGetValue(version, out var entry) || entry.Checksum is null)
            {
                withoutChecksum++;
                continue;
            }

            verified++;
            if (entry.Checksum.Trim() != checksums.Compute(Known[version]))
            {
                problems.Add($"Migration {Describe(version)} has changed since it was applied on {entry.UpdatedOn:yyyy-MM-dd HH:mm}: its SQL is not what ran; restore its code and put the change in a new migration.");
            }
        }

        return new ValidationReport(problems, verified, withoutChecksum);
    }

    /// <summary>Checks that no migration the database records as applied comes after one still pending.</summary>
    public void ValidateVersions()
    {
        var applied = AppliedVersions();
        var pendingBelow = Known.Keys.Where(v => !applied.Contains(v) && applied.Any(a => a > v)).ToList();
        if (pendingBelow.Count > 0)
        {
            throw new SchemaRunnerException(
                $"Migration {Describe(pendingBelow[0])} is pending but later versions are already applied ({pendingBelow.Count} such); apply it with `migrate up` or give it a version after {applied.Max()}.");
        }
    }

    /// <summary>
    /// Never initialise on top of an existing schema: tables but no recorded version is a database that
    /// Prisma (or a person) built, and running the first migration on it would fail halfway or, worse, not.
    /// </summary>
    private void RefuseExistingSchemaWithoutVersions(HashSet<long> applied, List<MigrationStep> steps)
    {
        if (applied.Count > 0 || steps.Count == 0 || !SchemaCatalog.HasTables(database))
        {
            return;
        }

        var prisma = PrismaMigrationsTable.Read(database) is not null;
        throw new SchemaRunnerException(prisma
            ? $"{database.Describe()} was migrated by Prisma and records no FluentMigrator version; run `dotnet fm baseline --from-prisma` first, then migrate."
            : $"{database.Describe()} already holds tables but records no migration; if they are the schema at some version, record it with `dotnet fm baseline --version V` first.");
    }

    /// <summary>Runs <paramref name="run"/> holding the migration lock; a preview changes nothing and needs none.</summary>
    private T Locked<T>(Func<T> run, bool allowDirty = false)
    {
        if (!allowDirty)
        {
            RefuseDirty();
        }

        if (options.Value.Preview)
        {
            return run();
        }

        MigrationLock migrationLock;
        try
        {
            migrationLock = MigrationLock.Acquire(database, options.Value.LockWait, logger);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            throw DatabaseErrors.Explain(e, database);
        }

        using (migrationLock)
        {
            if (!allowDirty)
            {
                RefuseDirty(); // again: another runner may have failed while this one waited
            }

            return run();
        }
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
        throw new SchemaRunnerException(
            $"Migration {Describe(dirty.Version)} cannot run in a transaction and {what}, so part of it may be in {database.Describe()}; repair the database by hand, then run `dotnet fm resolve --rolled-back {dirty.Version}` (undone) or `dotnet fm resolve --applied {dirty.Version}` (completed).");
    }

    private IReadOnlyList<JournalEntry> ReadJournal()
    {
        try
        {
            return journal.ReadAll();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            throw DatabaseErrors.Explain(e, database);
        }
    }

    private IReadOnlyDictionary<long, IMigrationInfo> Known => known ??= LoadKnown();

    private IReadOnlyDictionary<long, IMigrationInfo> LoadKnown()
    {
        try
        {
            return runner.MigrationLoader.LoadMigrations().ToDictionary(p => p.Key, p => p.Value);
        }
        catch (Exception e) when (e is not SchemaRunnerException)
        {
            throw new SchemaRunnerException($"The migration assemblies could not be loaded: {e.Message.TrimEnd('.')}; check that every version is unique.", e);
        }
    }

    private List<MigrationStep> DownSteps(IEnumerable<long> versions, HashSet<long> applied)
    {
        var toUndo = versions.OrderDescending().ToList();
        var missing = toUndo.Where(v => !Known.ContainsKey(v)).ToList();
        if (missing.Count > 0)
        {
            throw new SchemaRunnerException(
                $"The database records version {missing[0]} as applied, but no migration assembly contains it, so it cannot be rolled back; run with the assembly that holds it (-a).");
        }

        if (toUndo.Select(v => Known[v]).FirstOrDefault(m => m.Migration.GetType().GetCustomAttribute<IrreversibleAttribute>() is not null) is { } irreversible)
        {
            throw new SchemaRunnerException(
                $"Migration {irreversible.Version} {irreversible.Description} cannot be rolled back: {irreversible.Migration.GetType().GetCustomAttribute<IrreversibleAttribute>()!.Reason.TrimEnd('.')}; roll back to {irreversible.Version} or later instead.");
        }

        return toUndo.Select(v => Step(Known[v], MigrationDirection.Down)).ToList();
    }

    private MigrationResult Run(IReadOnlyList<MigrationStep> steps, HashSet<long> applied)
    {
        var before = applied.DefaultIfEmpty(0).Max();
        var preview = options.Value.Preview;
        if (steps.Count == 0)
        {
            logger.LogInformation("Nothing to do: {Database} is at version {Version}.", database.Describe(), before);
            return new MigrationResult(steps, before, before, preview);
        }

        if (!preview && steps[0].Direction == MigrationDirection.Up)
        {
            CreateSchemaIfMissing();
        }

        foreach (var step in steps)
        {
            foreach (var loss in step.DataLoss)
            {
                logger.LogWarning("{Step} loses data: {Loss}", step, loss);
            }

            var clock = Stopwatch.StartNew();
            var up = step.Direction == MigrationDirection.Up;
            logger.LogInformation("{Verb} {Version} {Description}...", preview ? "Would run" : up ? "Applying" : "Rolling back", step.Version, step.Description);
            Apply(step);
            if (!preview)
            {
                logger.LogInformation("{Verb} {Version} in {Elapsed:0.000} s", up ? "Applied" : "Rolled back", step.Version, clock.Elapsed.TotalSeconds);
            }
            if (step.Direction == MigrationDirection.Up)
            {
                applied.Add(step.Version);
            }
            else
            {
                applied.Remove(step.Version);
            }
        }

        var after = applied.DefaultIfEmpty(0).Max();
        logger.LogInformation("{Database} {Verb} at version {Version}.", database.Describe(), preview ? "would be" : "is now", after);
        return new MigrationResult(steps, before, after, preview);
    }

    private void Apply(MigrationStep step)
    {
        var info = Known[step.Version];
        var useTransaction = info.TransactionBehavior == TransactionBehavior.Default;
        var journaled = !options.Value.Preview;
        if (journaled && !useTransaction)
        {
            journal.Write(step.Version, JournalState.Running, checksum: null);
        }

        try
        {
            if (step.Direction == MigrationDirection.Up)
            {
                fluentRunner.ApplyMigrationUp(info, useTransaction);
            }
            else
            {
                fluentRunner.ApplyMigrationDown(info, useTransaction);
            }
        }
        catch (Exception e)
        {
            var explained = DatabaseErrors.Explain(e, database, step);
            if (journaled && !useTransaction)
            {
                journal.Write(step.Version, JournalState.Failed, checksum: null, explained.Message);
                throw new SchemaRunnerException(
                    $"{explained.Message} It cannot run in a transaction, so part of it may have stayed; the database is marked dirty until you repair it and run `dotnet fm resolve`.", e);
            }

            throw explained;
        }

        if (!journaled)
        {
            return;
        }

        if (step.Direction == MigrationDirection.Up)
        {
            journal.Write(step.Version, JournalState.Applied, checksums.Compute(info));
        }
        else
        {
            journal.Remove(step.Version);
        }
    }

    private MigrationStep Step(IMigrationInfo info, MigrationDirection direction)
        => new(info.Version, info.Description ?? "", direction, DataLoss.Declared(info.Migration, direction));

    private void RequireKnown(long version, bool allowZero)
    {
        if ((allowZero && version == 0) || Known.ContainsKey(version))
        {
            return;
        }

        var range = Known.Count == 0 ? "none" : $"{Known.Keys.Min()} to {Known.Keys.Max()}";
        throw new SchemaRunnerException(
            $"Version {version} is not a migration in the assemblies (they hold {Known.Count}, {range}{(allowZero ? ", or 0 for none" : "")}); run `dotnet fm list migrations` to see them.");
    }

    private void WarnAboutUnknown(HashSet<long> applied)
    {
        foreach (var version in applied.Where(v => !Known.ContainsKey(v)))
        {
            logger.LogWarning("The database records version {Version}, which no migration assembly contains.", version);
        }
    }

    private HashSet<long> AppliedVersions() => ReadApplied().Select(a => a.Version).ToHashSet();

    private IReadOnlyList<AppliedVersion> ReadApplied()
    {
        try
        {
            return versionTable.ReadApplied();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            throw DatabaseErrors.Explain(e, database);
        }
    }

    /// <summary>
    /// Like Prisma, a URL naming a schema that does not exist yet gets it created. Asked first, because
    /// CREATE SCHEMA IF NOT EXISTS needs the CREATE privilege on the database even when the schema exists.
    /// </summary>
    private void CreateSchemaIfMissing()
    {
        try
        {
            using var connection = new NpgsqlConnection(database.ConnectionString);
            connection.Open();
            using var exists = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = @schema)", connection);
            exists.Parameters.AddWithValue("schema", database.Schema);
            if (exists.ExecuteScalar() is true)
            {
                return;
            }

            using var create = new NpgsqlCommand($"CREATE SCHEMA \"{database.Schema.Replace("\"", "\"\"")}\"", connection);
            create.ExecuteNonQuery();
            logger.LogInformation("Created schema {Schema}.", database.Schema);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            throw DatabaseErrors.Explain(e, database);
        }
    }

    private string Describe(long version) => Known.TryGetValue(version, out var m) ? $"{version} {m.Description}" : version.ToString();
}
