using System.Diagnostics;
using System.Reflection;
using FluentMigrator;
using FluentMigrator.Infrastructure;
using FluentMigrator.Runner;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nexgent.Schema.Postgres;
using Nexgent.Schema.Runner.Baselining;
using Nexgent.Schema.Runner.Drift;
using Nexgent.Schema.Runner.Journal;
using Nexgent.Schema.Runner.Safety;
using Npgsql;

namespace Nexgent.Schema.Runner;

/// <summary>
/// Migrates a PostgreSQL database up and down with FluentMigrator, one migration per transaction,
/// refusing targets and states FluentMigrator would pass over in silence (an unknown target version,
/// applied versions no assembly knows).
/// Get one from a scope of a provider built with <see cref="ServiceCollectionExtensions.AddSchemaRunner(Microsoft.Extensions.DependencyInjection.IServiceCollection, Action{SchemaRunnerOptions})"/>.
/// </summary>
public sealed partial class SchemaRunner : IDisposable
{
    private readonly IMigrationInformationLoader migrationLoader;
    private readonly Lazy<IMigrationRunner> runner;
    private readonly DatabaseConnection database;
    private readonly VersionTable versionTable;
    private readonly DataLossAnalyzer dataLoss;
    private readonly RollbackPreflight rollbackPreflight;
    private readonly VersionJournal journal;
    private readonly MigrationChecksum checksums;
    private readonly MigrationExpressions expressions;
    private readonly MigrationSql sql;
    private readonly Lint.MigrationLinter linter;
    private readonly IOptions<SchemaRunnerOptions> options;
    private readonly ILogger<SchemaRunner> logger;

    internal SchemaRunner(
        IMigrationInformationLoader migrationLoader,
        Lazy<IMigrationRunner> runner,
        DatabaseConnection database,
        VersionTable versionTable,
        DataLossAnalyzer dataLoss,
        RollbackPreflight rollbackPreflight,
        VersionJournal journal,
        MigrationChecksum checksums,
        MigrationExpressions expressions,
        MigrationSql sql,
        Lint.MigrationLinter linter,
        IOptions<SchemaRunnerOptions> options,
        ILogger<SchemaRunner> logger)
    {
        this.migrationLoader = migrationLoader;
        this.runner = runner;
        this.database = database;
        this.versionTable = versionTable;
        this.dataLoss = dataLoss;
        this.rollbackPreflight = rollbackPreflight;
        this.journal = journal;
        this.checksums = checksums;
        this.expressions = expressions;
        this.sql = sql;
        this.linter = linter;
        this.options = options;
        this.logger = logger;
    }

    /// <summary>
    /// FluentMigrator's runner, with its processor, generator and version loader, made on first use: listing,
    /// status and a run with nothing to do never need it (a good part of a short run's start-up).
    /// </summary>
    private MigrationRunner FluentRunner => runner.Value as MigrationRunner
        ?? throw new InvalidOperationException("FluentMigrator's MigrationRunner is expected behind IMigrationRunner.");

    private IReadOnlyDictionary<long, IMigrationInfo>? known;

    /// <summary>The migration lock while a run holds it; none in a preview.</summary>
    private MigrationLock? heldLock;

    public DatabaseConnection Database => database;

    /// <summary>Every migration the assemblies hold or the database records, in version order.</summary>
    public IReadOnlyList<MigrationState> ListMigrations()
    {
        var applied = ReadApplied().ToDictionary(a => a.Version);
        var failed = ReadJournal().Where(e => e.IsDirty).Select(e => e.Version).ToHashSet();
        var states = Known.Values.Select(m => new MigrationState(
            m.Version,
            MigrationDescription.Of(m),
            applied.TryGetValue(m.Version, out var a) ? a.AppliedOn : null,
            IsKnown: true) { IsFailed = failed.Contains(m.Version) });
        var unknown = applied.Values.Where(a => !Known.ContainsKey(a.Version))
            .Select(a => new MigrationState(a.Version, a.Description, a.AppliedOn, IsKnown: false) { IsFailed = failed.Contains(a.Version) });
        return states.Concat(unknown).OrderBy(s => s.Version).ToList();
    }

    public SchemaStatus Status()
    {
        var migrations = ListMigrations();
        var current = migrations.Where(m => m.IsApplied).Select(m => m.Version).DefaultIfEmpty(0).Max();
        var failed = ReadJournal().Where(e => e.IsDirty)
            .Select(e => new FailedMigration(e.Version, Known.TryGetValue(e.Version, out var m) ? MigrationDescription.Of(m) : "", e.State == JournalState.Running ? "never finished" : e.Error ?? "failed"))
            .ToList();
        var unrecorded = current != 0 || !HoldsAnUnrecordedSchema() ? UnrecordedSchema.None
            : PrismaMigrationsTable.Read(database) is not null ? UnrecordedSchema.Prisma
            : UnrecordedSchema.Other;
        return new SchemaStatus(database.Describe(), current, migrations, failed) { Unrecorded = unrecorded };
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
            var steps = PendingSteps(applied, target, m => Step(m, MigrationDirection.Up));
            return Forward(() => Run(steps, applied));
        });
    }

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

    /// <summary>
    /// Closes the idle sessions of the runner's pool, whose connection string is its own (lock_timeout, application
    /// name): nothing else would reuse them, and they would stay on the server for the pool's idle lifetime.
    /// The scope that made the runner calls this when it ends.
    /// </summary>
    public void Dispose()
    {
        if (database.IsOffline)
        {
            return;
        }

        using var connection = new NpgsqlConnection(database.ConnectionString);
        NpgsqlConnection.ClearPool(connection);
    }

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
    /// The migrations still to apply (up to <paramref name="target"/> when given), oldest first, after the
    /// checks every forward run makes: no existing schema without versions, a warning for unknown versions.
    /// </summary>
    private List<MigrationStep> PendingSteps(HashSet<long> applied, long? target, Func<IMigrationInfo, MigrationStep> step)
    {
        var steps = Known.Values
            .Where(m => !applied.Contains(m.Version) && (target is null || m.Version <= target))
            .Select(step)
            .ToList();
        RefuseExistingSchemaWithoutVersions(applied, steps);
        RefuseBreakingChanges(steps);
        RefuseWhatCannotRunInATransaction(steps);
        WarnAboutUnknown(applied);
        return steps;
    }

    /// <summary>
    /// Never initialise on top of an existing schema: tables but no recorded version is a database that
    /// Prisma (or a person) built, and running the first migration on it would fail halfway or, worse, not.
    /// </summary>
    private void RefuseExistingSchemaWithoutVersions(HashSet<long> applied, List<MigrationStep> steps)
    {
        if (applied.Count > 0 || steps.Count == 0 || !HoldsAnUnrecordedSchema())
        {
            return;
        }

        throw new UnrecordedSchemaException(database.Describe(), migratedByPrisma: PrismaMigrationsTable.Read(database) is not null);
    }

    /// <summary>
    /// Whether a database that records no applied version holds tables anyway. Those a maintenance migration or a profile
    /// made (they are not versioned) do not count in a database this runner rolled back all the way: its journal says so.
    /// </summary>
    private bool HoldsAnUnrecordedSchema()
        => SchemaCatalog.HasTables(database, versionTable.TableName) && !ReadJournal().Any(e => e.State == JournalState.RolledBack);

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
            migrationLock = MigrationLock.Acquire(database, options.Value.LockWait, logger, cancellation);
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

            heldLock = migrationLock;
            try
            {
                return run();
            }
            finally
            {
                heldLock = null;
            }
        }
    }

    private IReadOnlyDictionary<long, IMigrationInfo> Known => known ??= LoadKnown();

    private IReadOnlyDictionary<long, IMigrationInfo> LoadKnown()
    {
        try
        {
            return migrationLoader.LoadMigrations().ToDictionary(p => p.Key, p => p.Value);
        }
        catch (FluentMigrator.Runner.Exceptions.MissingMigrationsException e) when (options.Value.Tags.Count > 0)
        {
            throw new SchemaRunnerException($"No migration of the assemblies is untagged or carries the tags {string.Join(", ", options.Value.Tags)}; check the tags.", e);
        }
        catch (FluentMigrator.Runner.Exceptions.MissingMigrationsException e)
        {
            var names = options.Value.MigrationAssemblies.Select(a => a.GetName().Name).ToList();
            throw new SchemaRunnerException(names.Count == 1
                ? $"The assembly {names[0]} holds no migration (no public class with [Migration]); give the assembly that holds the migrations."
                : $"None of the assemblies {string.Join(", ", names)} holds a migration (a public class with [Migration]); give the assembly that holds the migrations.", e);
        }
        catch (FluentMigrator.Exceptions.DuplicateMigrationException e)
        {
            throw new SchemaRunnerException($"The migration assemblies could not be loaded: {e.Message.TrimEnd('.')}; give every migration a version of its own.", e);
        }
        catch (Exception e) when (e is not SchemaRunnerException)
        {
            var failure = e is TargetInvocationException { InnerException: { } inner } ? inner : e;
            throw ConstructorOf(failure) is { } migration
                ? new SchemaRunnerException($"The migration {migration.FullName} could not be created: its constructor threw {failure.GetType().Name}: {failure.Message.TrimEnd('.')}; correct the constructor.", e)
                : new SchemaRunnerException($"The migration assemblies could not be loaded: {failure.GetType().Name}: {failure.Message.TrimEnd('.')}.", e);
        }
    }

    /// <summary>The migration class whose constructor <paramref name="failure"/> was thrown in (or below), if it was.</summary>
    private static Type? ConstructorOf(Exception failure)
        => new StackTrace(failure).GetFrames()
            .Select(frame => frame.GetMethod())
            .OfType<ConstructorInfo>()
            .Select(constructor => constructor.DeclaringType)
            .FirstOrDefault(type => type is not null && typeof(IMigration).IsAssignableFrom(type));

    private List<MigrationStep> DownSteps(IEnumerable<long> versions, HashSet<long> applied)
    {
        var toUndo = versions.OrderDescending().ToList();
        var missing = toUndo.Where(v => !Known.ContainsKey(v)).ToList();
        if (missing.Count > 0)
        {
            throw new MissingMigrationException(missing[0]);
        }

        RefuseIrreversible(toUndo.Select(v => Known[v]));
        RefuseRollbackThatWouldStopMidway(toUndo.Select(v => Known[v]).ToList());
        var steps = toUndo.Select(v => Step(Known[v], MigrationDirection.Down)).ToList();
        RefuseWhatCannotRunInATransaction(steps);
        return steps;
    }

    /// <summary>
    /// Refuses a rollback through a migration that cannot go down, before the first Down runs, naming the first (newest)
    /// one: one marked <c>[Irreversible]</c>, or one with no Down FluentMigrator can build (a <c>ForwardOnlyMigration</c>,
    /// an <c>AutoReversingMigration</c> it cannot reverse, a <c>Down()</c> that throws), where FluentMigrator would
    /// stop only when it got there, after rolling back the migrations above it.
    /// </summary>
    private void RefuseIrreversible(IEnumerable<IMigrationInfo> downs)
    {
        foreach (var migration in downs)
        {
            var reason = migration.Migration.GetType().GetCustomAttribute<IrreversibleAttribute>()?.Reason ?? expressions.WhyNoDown(migration.Migration);
            if (reason is not null)
            {
                throw new IrreversibleMigrationException(migration.Version, MigrationDescription.Of(migration), reason);
            }
        }
    }

    /// <summary>
    /// Every guard of every Down is checked before the first runs: a Down that would refuse its rows refuses the whole
    /// rollback, naming all of them, instead of stopping it after the Downs before it. A preview only warns.
    /// </summary>
    private void RefuseRollbackThatWouldStopMidway(IReadOnlyList<IMigrationInfo> downs)
    {
        var refusals = AskingTheDatabase(() => rollbackPreflight.Refusals(downs));
        if (refusals.Count > 0 && !options.Value.Preview)
        {
            throw new RollbackRefusedException(refusals);
        }

        foreach (var refusal in refusals)
        {
            logger.LogWarning("The rollback would refuse to narrow {Refusal}.", refusal);
        }
    }

    private T AskingTheDatabase<T>(Func<T> ask)
    {
        try
        {
            return ask();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            throw DatabaseErrors.Explain(e, database);
        }
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

        var done = new List<MigrationStep>();
        foreach (var step in steps)
        {
            foreach (var loss in step.DataLoss)
            {
                logger.LogWarning("{Step} loses data: {Loss}", step, loss);
            }

            Maintain(MigrationStage.BeforeEach, step);
            var clock = Stopwatch.StartNew();
            var up = step.Direction == MigrationDirection.Up;
            if (preview)
            {
                Announce(step);
            }

            var ran = ApplyUnlessCancelled(step, applied); // announces the step once it is sure to run it
            if (ran && !preview)
            {
                logger.LogInformation("{Verb} {Version} {Description} in {Elapsed:0.000} s", up ? "Applied" : "Rolled back", step.Version, step.Description, clock.Elapsed.TotalSeconds);
            }

            if (ran)
            {
                done.Add(step);
            }

            Maintain(MigrationStage.AfterEach, step);
            // A step skipped because another runner did it leaves the database where running it would have.
            if (up)
            {
                applied.Add(step.Version);
            }
            else
            {
                applied.Remove(step.Version);
            }
        }

        var after = applied.DefaultIfEmpty(0).Max();
        if (heldLock is { } held && !held.IsHeld())
        {
            throw new MigrationLockLostException(database.Describe(), after, stoppedBefore: null);
        }

        logger.LogInformation("{Database} {Verb} at version {Version}.", database.Describe(), preview ? "would be" : "is now", after);
        return new MigrationResult(done, before, after, preview);
    }

    /// <summary>
    /// The level of the line that says a migration starts: Information for the command line, where a long one shows its
    /// progress under it; a host migrating as it starts lowers it to Debug, the line saying it was applied being enough.
    /// </summary>
    internal LogLevel StartLineLevel { get; set; } = LogLevel.Information;

    private void Announce(MigrationStep step)
        => logger.Log(options.Value.Preview ? LogLevel.Information : StartLineLevel, "{Verb} {Version} {Description}...", options.Value.Preview ? "Would run" : step.Direction == MigrationDirection.Up ? "Applying" : "Rolling back", step.Version, step.Description);

    private MigrationStep Step(IMigrationInfo info, MigrationDirection direction)
        => new(info.Version, MigrationDescription.Of(info), direction, DataLoss.Declared(info.Migration, direction));

    private void RequireKnown(long version, bool allowZero)
    {
        if ((allowZero && version == 0) || Known.ContainsKey(version))
        {
            return;
        }

        var range = Known.Count == 0 ? "none" : $"{Known.Keys.Min()} to {Known.Keys.Max()}";
        throw new UnknownVersionException(version, $"{Known.Count}, {range}{(allowZero ? ", or 0 for none" : "")}");
    }

    private void WarnAboutUnknown(HashSet<long> applied)
    {
        foreach (var version in applied.Where(v => !Known.ContainsKey(v)))
        {
            logger.LogWarning("The database records version {Version}, which no migration assembly contains.", version);
        }
    }

    private HashSet<long> AppliedVersions() => ReadApplied().Select(a => a.Version).ToHashSet();

    private IReadOnlyList<AppliedVersion> ReadApplied() => AskingTheDatabase(versionTable.ReadApplied);

    /// <summary>
    /// Like Prisma, a URL naming a schema that does not exist yet gets it created. Asked first, because
    /// CREATE SCHEMA IF NOT EXISTS needs the CREATE privilege on the database even when the schema exists.
    /// </summary>
    private void CreateSchemaIfMissing()
    {
        try
        {
            PooledSessions.Run(database, connection =>
            {
                using var exists = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = @schema)", connection);
                exists.Parameters.AddWithValue("schema", database.Schema);
                if (exists.ExecuteScalar() is true)
                {
                    return;
                }

                using var create = new NpgsqlCommand($"CREATE SCHEMA {Identifier.Quote(database.Schema)}", connection);
                create.ExecuteNonQuery();
                logger.LogInformation("Created schema {Schema}.", database.Schema);
            });
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            throw DatabaseErrors.Explain(e, database);
        }
    }

    private string Describe(long version) => Known.TryGetValue(version, out var m) ? $"{version} {MigrationDescription.Of(m)}" : version.ToString();
}
