using System.Reflection;
using FluentMigrator;
using FluentMigrator.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Nexgent.Schema.Runner;

/// <summary>
/// What FluentMigrator's own MigrateUp does around the migrations, which the runner, applying them one by one, does
/// too: maintenance migrations (<c>[Maintenance(MigrationStage...)]</c>) before and after all and each of them, the
/// profile after them, and the refusal of breaking changes that were not allowed; and, when a migration that ran
/// outside a transaction fails, what it can be seen to have left.
/// </summary>
public sealed partial class SchemaRunner
{
    private bool? hasMaintenance;

    /// <summary>Whether the assemblies hold a maintenance migration (of any tag): most hold none, and pay nothing.</summary>
    private bool HasMaintenance => hasMaintenance ??= ExportedTypes().Any(t => t.IsDefined(typeof(MaintenanceAttribute), inherit: false));

    /// <summary>
    /// A run up as FluentMigrator's MigrateUp makes it: the BeforeAll maintenance, the migrations (each between its
    /// BeforeEach and AfterEach, see <see cref="Maintain"/>), the BeforeProfiles maintenance, the profile, the AfterAll
    /// maintenance. Each maintenance migration and the profile run in a transaction of their own (unless declared
    /// with TransactionBehavior.None) and are not versioned: they run every time, even when no migration is pending.
    /// </summary>
    private MigrationResult Forward(Func<MigrationResult> run)
    {
        var profile = options.Value.Profile;
        if (profile is null && !HasMaintenance)
        {
            return run();
        }

        if (profile is not null)
        {
            RequireProfile(profile);
        }

        if (!options.Value.Preview)
        {
            CreateSchemaIfMissing();
        }

        Maintain(MigrationStage.BeforeAll);
        var result = run();
        Maintain(MigrationStage.BeforeProfiles);
        if (profile is not null)
        {
            Extra($"Profile {profile}", info: null, () => FluentRunner.ApplyProfiles());
        }

        Maintain(MigrationStage.AfterAll);
        return result;
    }

    /// <summary>The maintenance migrations of <paramref name="stage"/>; around a step, only when it goes up, as in FluentMigrator.</summary>
    private void Maintain(MigrationStage stage, MigrationStep? around = null)
    {
        if (!HasMaintenance || around is { Direction: not MigrationDirection.Up })
        {
            return;
        }

        foreach (var maintenance in FluentRunner.MaintenanceLoader.LoadMaintenance(stage))
        {
            Extra($"Maintenance migration {maintenance.Migration.GetType().Name} ({stage})", maintenance,
                () => FluentRunner.ApplyMigrationUp(maintenance, maintenance.TransactionBehavior == TransactionBehavior.Default));
        }
    }

    /// <summary>Runs a maintenance migration or the profile (no <paramref name="info"/>): cancellable on the server, its failure explained.</summary>
    private void Extra(string subject, IMigrationInfo? info, Action apply)
    {
        var useTransaction = info is null || info.TransactionBehavior == TransactionBehavior.Default;
        logger.LogInformation("{Verb} {Subject}...", options.Value.Preview ? "Would run" : "Running", subject);
        using var _ = cancellation.Register(CancelRunningStatement);
        try
        {
            apply();
        }
        catch (Exception e) when (cancellation.IsCancellationRequested && e is not OperationCanceledException)
        {
            throw new OperationCanceledException(
                $"Cancelled during {subject}, {(useTransaction ? "which was rolled back" : "which cannot run in a transaction: part of it may have stayed")}; {database.Describe()} is at version {VersionAfterCancel()}.",
                e,
                cancellation);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var explained = DatabaseErrors.Explain(e, database, subject, rolledBack: useTransaction);
            throw useTransaction ? explained : explained.WithSentence($"It cannot run in a transaction, so {LeftBehind.Describe(database, SqlOf(info!, MigrationDirection.Up))}.");
        }
    }

    private string VersionAfterCancel()
    {
        try
        {
            return CurrentVersion().ToString();
        }
        catch (SchemaRunnerException)
        {
            return "(unknown: the version table could not be read)";
        }
    }

    private void RequireProfile(string profile)
    {
        var profiles = ExportedTypes().Select(t => t.GetCustomAttribute<ProfileAttribute>()?.ProfileName).OfType<string>().Distinct().Order().ToList();
        if (!profiles.Contains(profile))
        {
            throw new SchemaRunnerException(
                $"No migration assembly has the profile '{profile}' ({(profiles.Count == 0 ? "they have none" : "they have " + string.Join(", ", profiles))}); nothing was applied.");
        }
    }

    /// <summary>
    /// FluentMigrator refuses a breaking change only when it reaches it, after the migrations before it have been
    /// applied; the runner refuses the run before applying any. A preview shows the SQL and warns.
    /// </summary>
    private void RefuseBreakingChanges(List<MigrationStep> steps)
    {
        if (options.Value.AllowBreakingChanges)
        {
            return;
        }

        var breaking = steps.Where(s => Known[s.Version].IsBreakingChange).ToList();
        if (breaking.Count == 0)
        {
            return;
        }

        if (!options.Value.Preview)
        {
            throw new BreakingChangeRefusedException(breaking);
        }

        foreach (var step in breaking)
        {
            logger.LogWarning("{Step} is marked as a breaking change; a run that is not a preview refuses it unless breaking changes are allowed.", step);
        }
    }

    /// <summary>What to say of a migration that ran outside a transaction and failed: what it can be seen to have left.</summary>
    private string PartLeftBehind(IMigrationInfo info, MigrationDirection direction)
        => $"It cannot run in a transaction, so {LeftBehind.Describe(database, SqlOf(info, direction))}; the database is marked dirty until you repair it and resolve it as rolled back or applied.";

    /// <summary>The SQL the migration generates, to find the names it touches; none when its code cannot build it again.</summary>
    private string SqlOf(IMigrationInfo info, MigrationDirection direction)
    {
        try
        {
            return checksums.Sql(info, direction);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return "";
        }
    }

    private IEnumerable<Type> ExportedTypes() => new MigrationAssemblySource(options.Value.MigrationAssemblies).ExportedTypes;
}
