using System.Reflection;
using FluentMigrator;
using FluentMigrator.Infrastructure;
using Nexgent.Schema.Postgres;

namespace Nexgent.Schema.Runner;

/// <summary>Checks of the migrations and of what the database records.</summary>
public sealed partial class SchemaRunner
{
    /// <summary>
    /// Everything that should hold before a deploy: versions in order, every migration reversible or marked
    /// irreversible, names by the convention (for assemblies that follow it, see
    /// <see cref="FollowsNexgentConventions"/>), no dirty state, applied migrations unchanged since they were
    /// applied (their SQL's checksum), and no lock hazard in the pending ones that they do not accept
    /// (<see cref="Lint"/>; applied ones are never linted), nor an acceptance naming no rule, and no migration that runs
    /// in a transaction a statement PostgreSQL cannot run in one (CREATE INDEX CONCURRENTLY...).
    /// </summary>
    public ValidationReport Validate()
    {
        var problems = new List<string>();
        var notes = new List<string>();
        var conventionalAssemblies = Known.Values.Select(m => m.Migration.GetType().Assembly).Distinct().ToDictionary(a => a, FollowsNexgentConventions);
        foreach (var m in Known.Values)
        {
            var type = m.Migration.GetType();
            var conventional = conventionalAssemblies[type.Assembly];
            if (conventional && !DateTime.TryParseExact(m.Version.ToString(), "yyyyMMddHHmmss", null, System.Globalization.DateTimeStyles.None, out _))
            {
                problems.Add($"Migration {m.Version} {m.Description}: the version is not a yyyyMMddHHmmss timestamp.");
            }

            if (conventional && !Authoring.MigrationName.IsConventional(m.Description ?? "", type.Name))
            {
                problems.Add($"Migration {m.Version} {m.Description}: the description should be snake_case and the class its PascalCase ({type.Name}).");
            }

            if (type.GetCustomAttribute<IrreversibleAttribute>() is not null)
            {
                continue;
            }

            if (expressions.WhyNoDown(m.Migration) is { } why)
            {
                notes.Add($"Migration {m.Version} {MigrationDescription.Of(m)} cannot be rolled back: {why}; a rollback through it is refused before its first step.");
            }
            else if (m.Migration is not AutoReversingMigration && expressions.Of(m.Migration, MigrationDirection.Down).Count == 0)
            {
                // By this runner's conventions a fault; in a plain FluentMigrator project, a choice it may have made.
                if (conventional)
                {
                    problems.Add($"Migration {m.Version} {MigrationDescription.Of(m)} has an empty Down; write it, or mark the class [Irreversible(\"why\")].");
                }
                else
                {
                    notes.Add($"Migration {m.Version} {MigrationDescription.Of(m)} has an empty Down: rolling it back removes its version row and changes nothing else.");
                }
            }
        }

        var states = ListMigrations();
        var applied = states.Where(s => s.IsApplied).Select(s => s.Version).ToHashSet();
        problems.AddRange(states.Where(s => !s.IsApplied && applied.Any(a => a > s.Version))
            .Select(s => $"Migration {s.Version} {s.Description} is pending but later versions are applied; apply it or give it a later version."));
        problems.AddRange(states.Where(s => !s.IsKnown)
            .Select(s => $"The database records {s.Version} {s.Description}, which no migration assembly contains."));
        problems.AddRange(LintProblems(applied));
        problems.AddRange(MigrationsThatCannotRunInATransaction());

        var entries = ReadJournal().ToDictionary(e => e.Version);
        problems.AddRange(entries.Values.Where(e => e.IsDirty)
            .Select(e => $"Migration {Describe(e.Version)} failed midway and the database is dirty; repair it, then resolve it as rolled back or applied."));
        var withoutChecksum = 0;
        var verified = 0;
        foreach (var version in applied.Where(Known.ContainsKey).Order())
        {
            if (!entries.TryGetValue(version, out var entry) || entry.State != Journal.JournalState.Applied || entry.Checksum is null)
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

        return new ValidationReport(problems, verified, withoutChecksum) { Notes = notes };
    }

    /// <summary>
    /// Whether the naming conventions (a yyyyMMddHHmmss version, a snake_case description and its PascalCase class, as
    /// <c>dotnet fm new</c> writes them) apply to the migrations of <paramref name="assembly"/>: only when it references
    /// Nexgent.Schema.Postgres, the building blocks written for this runner. A plain FluentMigrator assembly keeps its
    /// own conventions (<c>[Migration(1)]</c>, PascalCase descriptions), and validate does not judge them.
    /// </summary>
    private static bool FollowsNexgentConventions(Assembly assembly)
        => assembly.GetReferencedAssemblies().Any(a => a.Name == typeof(IrreversibleAttribute).Assembly.GetName().Name);

    /// <summary>The columns whose default a migration up to <paramref name="version"/> sets to a value of the run (drift leaves it out).</summary>
    internal IReadOnlySet<string> DefaultsSetAtRunTime(long version)
        => Known.Values.Where(m => m.Version <= version).SelectMany(DefaultsSetAtRunTime).ToHashSet(StringComparer.Ordinal);

    /// <summary>None for a migration whose Up cannot be built here: building the shadow database from it says why.</summary>
    private IReadOnlyList<string> DefaultsSetAtRunTime(IMigrationInfo migration)
    {
        try
        {
            return Drift.RunTimeDefaults.Of(migration.Migration, () => expressions.Of(migration.Migration, MigrationDirection.Up)).ToList();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return [];
        }
    }

    /// <summary>Checks that no migration the database records as applied comes after one still pending.</summary>
    public void ValidateVersions()
    {
        var applied = AppliedVersions();
        var pendingBelow = Known.Keys.Where(v => !applied.Contains(v) && applied.Any(a => a > v)).ToList();
        if (pendingBelow.Count > 0)
        {
            throw new VersionOrderException(pendingBelow[0], Describe(pendingBelow[0]), pendingBelow.Count, applied.Max());
        }
    }
}
