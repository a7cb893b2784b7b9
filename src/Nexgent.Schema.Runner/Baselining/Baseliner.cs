using Microsoft.Extensions.Logging;
using Nexgent.Schema.Runner.Authoring;
using Nexgent.Schema.Runner.Drift;
using Nexgent.Schema.Runner.Generation;
using Npgsql;

namespace Nexgent.Schema.Runner.Baselining;

/// <summary>
/// Records migrations as applied without running them, for a database whose schema already exists
/// (Prisma's <c>migrate resolve --applied</c>): up to a version, or as <c>_prisma_migrations</c> says, each of its
/// names at the version <see cref="PrismaFolder.Versions"/> gives it, as <c>import-prisma</c> does.
/// Before recording, it proves with <see cref="DriftDetector"/> that the schema is what the migrations build.
/// </summary>
public sealed class Baseliner(SchemaRunner runner, DriftDetector drift, DatabaseConnection database, ILogger<SchemaRunner> logger)
{
    private const int DifferencesShown = 5;

    /// <summary>Records every migration up to <paramref name="version"/> as applied.</summary>
    public IReadOnlyList<MigrationStep> ToVersion(long version, bool checkDrift = true, CancellationToken cancellationToken = default)
    {
        if (checkDrift)
        {
            RequireNoDrift(version, "the schema is not what the migrations build at that version", cancellationToken);
        }

        return runner.RecordApplied(version);
    }

    /// <summary>Records what Prisma Migrate applied, once every row is accounted for and the schema matches.</summary>
    public IReadOnlyList<MigrationStep> FromPrisma(bool checkDrift = true, CancellationToken cancellationToken = default)
    {
        var rows = ReadPrismaRows();
        var known = runner.ListMigrations().Where(m => m.IsKnown).ToDictionary(m => m.Version);
        var versions = PrismaFolder.Versions(rows.Select(r => r.Name)).ToDictionary(n => n.Name, StringComparer.Ordinal);
        var finished = new List<long>();
        foreach (var migration in rows.GroupBy(r => r.Name))
        {
            var name = migration.Key;
            if (!migration.Any(r => r.Finished))
            {
                var state = migration.Any(r => r.RolledBackAt is not null) ? "was rolled back" : "never finished (it failed or is still running)";
                throw new SchemaRunnerException(
                    $"Prisma's migration {name} {state}; repair the database and resolve it with Prisma (or apply it) before baselining.");
            }

            var prisma = versions[name];
            // A version derived from the name's place is only that migration's if the description says so too.
            if (!known.TryGetValue(prisma.Version, out var step) || !(prisma.Timestamped || step.Description == MigrationName.Parse(prisma.Description).Description))
            {
                throw new SchemaRunnerException(
                    $"Prisma applied {name}, which no migration assembly contains; add its migration (version {prisma.Version}, as `dotnet fm import-prisma` makes it) or add the assembly that has it.");
            }

            finished.Add(prisma.Version);
        }

        if (finished.Count == 0)
        {
            throw new SchemaRunnerException($"{PrismaMigrationsTable.Name} in {database.Describe()} records no finished migration; there is nothing to baseline; migrate it instead.");
        }

        var latest = finished.Max();
        var skipped = known.Keys.Where(v => v < latest && !finished.Contains(v)).Order().ToList();
        if (skipped.Count > 0)
        {
            throw new SchemaRunnerException(
                $"Prisma's history skips {skipped[0]} {known[skipped[0]].Description} but has later migrations; apply or resolve it with Prisma first, or baseline at a version.");
        }

        logger.LogInformation("{Table} records {Count} finished migrations, up to {Version}.", PrismaMigrationsTable.Name, finished.Count, latest);
        if (checkDrift)
        {
            RequireNoDrift(latest, "the schema is not what Prisma's recorded migrations build", cancellationToken);
        }
        return runner.RecordApplied(latest);
    }

    private IReadOnlyList<PrismaMigration> ReadPrismaRows()
    {
        try
        {
            return PrismaMigrationsTable.Read(database)
                   ?? throw new SchemaRunnerException(
                       $"{database.Describe()} has no {PrismaMigrationsTable.Name} table, so Prisma did not migrate it; baseline it at a version instead.");
        }
        catch (NpgsqlException e)
        {
            throw DatabaseErrors.Explain(e, database);
        }
    }

    private void RequireNoDrift(long version, string problem, CancellationToken cancellationToken)
    {
        var report = drift.DetectAt(version, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        if (!report.HasDrift)
        {
            logger.LogInformation("The schema matches the migrations at {Version}.", version);
            return;
        }

        var shown = string.Join(" ", report.Differences.Take(DifferencesShown).Select(d => d.Sentence));
        var more = report.Differences.Count > DifferencesShown ? $" ({report.Differences.Count - DifferencesShown} more in a drift report.)" : "";
        throw new SchemaRunnerException(
            $"Nothing was recorded: {problem} ({report.Differences.Count} difference(s)): {shown}{more}");
    }
}
