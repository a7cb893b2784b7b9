using System.Reflection;
using FluentMigrator;
using FluentMigrator.Infrastructure;
using Microsoft.Extensions.Options;
using Nexgent.Schema.Postgres;
using Nexgent.Schema.Runner.Safety;

namespace Nexgent.Schema.Runner.Lint;

/// <summary>
/// Lints migrations: their Up SQL, as FluentMigrator generates it for PostgreSQL with the runner's conventions, read in
/// version order by <see cref="LockLinter"/>, with what the database's catalog says of the tables' sizes when there is
/// a database, and the acceptances the migrations declare (<see cref="AcceptsLockHazardAttribute"/>).
/// </summary>
internal sealed class MigrationLinter(MigrationSql sql, DatabaseConnection database, IOptions<SchemaRunnerOptions> options)
{
    /// <summary>
    /// The findings of the migrations of <paramref name="known"/> whose versions are in <paramref name="toLint"/>; the
    /// ones before them are read too, only to learn the schema they build.
    /// </summary>
    public LintReport Lint(IEnumerable<IMigrationInfo> known, IReadOnlySet<long> toLint)
    {
        var migrations = known.OrderBy(m => m.Version).ToList();
        using var catalogReads = database.IsOffline ? null : new LintDatabase(database);
        var linter = new LockLinter(database.Schema, options.Value.LockTimeout, new LintCatalog(catalogReads));
        var last = toLint.Count == 0 ? long.MinValue : toLint.Max();
        var linted = new List<LintedMigration>();
        var findings = new List<LintFinding>();
        var notAnalysed = new List<NotAnalysedStatement>();
        foreach (var migration in migrations.TakeWhile(m => m.Version <= last))
        {
            if (!toLint.Contains(migration.Version))
            {
                if (Statements(migration, failQuietly: true) is { } before)
                {
                    linter.Learn(before);
                }

                continue;
            }

            var description = migration.Description ?? "";
            linted.Add(new LintedMigration(migration.Version, description));
            var accepted = Acceptances(migration).Where(a => LintRules.Find(a.Rule) is not null && !string.IsNullOrWhiteSpace(a.Reason)).ToList();
            var result = linter.Lint(Statements(migration, failQuietly: false)!, migration.TransactionBehavior == TransactionBehavior.Default);
            notAnalysed.AddRange(result.NotAnalysed.Select(s => new NotAnalysedStatement(migration.Version, description, s)));
            foreach (var hazard in result.Hazards)
            {
                var rule = LintRules.Get(hazard.Rule);
                findings.Add(new LintFinding(
                    migration.Version,
                    description,
                    rule.Id,
                    hazard.Table is { } table ? table.ShownIn(database.Schema) : hazard.Rule is LintRules.VacuumFull or LintRules.Cluster ? "(every table)" : "(its table, unknown)",
                    hazard.Excerpt,
                    hazard.Lock,
                    hazard.Blocks,
                    hazard.Reason,
                    rule.SafeWay)
                {
                    Size = hazard.Table is { } sized && catalogReads is not null ? catalogReads.Size(sized) : null,
                    AcceptedBecause = accepted.FirstOrDefault(a => a.Rule == rule.Id)?.Reason,
                });
            }
        }

        return new LintReport(database.Describe(), !database.IsOffline, linted, findings, AcceptanceProblems(migrations)) { NotAnalysed = notAnalysed };
    }

    /// <summary>
    /// The <c>[AcceptsLockHazard]</c> attributes of <paramref name="migrations"/> that cannot be honoured: a rule id
    /// that names no rule, or no reason.
    /// </summary>
    public static IReadOnlyList<string> AcceptanceProblems(IEnumerable<IMigrationInfo> migrations)
    {
        var problems = new List<string>();
        foreach (var migration in migrations.OrderBy(m => m.Version))
        {
            foreach (var acceptance in Acceptances(migration))
            {
                if (LintRules.Find(acceptance.Rule) is null)
                {
                    problems.Add($"Migration {migration.Version} {migration.Description}: [AcceptsLockHazard(\"{acceptance.Rule}\", ...)] names no lint rule; the rules are {string.Join(", ", LintRules.All.Select(r => r.Id))}.");
                }
                else if (string.IsNullOrWhiteSpace(acceptance.Reason))
                {
                    problems.Add($"Migration {migration.Version} {migration.Description}: [AcceptsLockHazard(\"{acceptance.Rule}\", ...)] gives no reason; say why the hazard is acceptable.");
                }
            }
        }

        return problems;
    }

    private static IEnumerable<AcceptsLockHazardAttribute> Acceptances(IMigrationInfo migration)
        => migration.Migration.GetType().GetCustomAttributes<AcceptsLockHazardAttribute>();

    /// <summary>
    /// The migration's Up SQL. A migration that asks the database while it builds its expressions cannot be read without
    /// one; one that fails to build is a failure, or, for a migration lint only learns from, nothing to learn.
    /// </summary>
    private IReadOnlyList<GeneratedSql>? Statements(IMigrationInfo migration, bool failQuietly)
    {
        try
        {
            return sql.All(migration.Migration, MigrationDirection.Up);
        }
        catch (Exception e) when (failQuietly && e is not OutOfMemoryException)
        {
            return null;
        }
        catch (NotImplementedException e) when (database.IsOffline)
        {
            throw new SchemaRunnerException(
                $"Migration {migration.Version} {migration.Description} asks the database while it builds its SQL ({e.Message.TrimEnd('.')}), so it cannot be linted without one; give a connection string.", e);
        }
        catch (Exception e) when (e is not SchemaRunnerException and not OutOfMemoryException)
        {
            throw new SchemaRunnerException($"The SQL of migration {migration.Version} {migration.Description} could not be built for lint: {e.Message.TrimEnd('.')}.", e);
        }
    }
}
