using FluentMigrator;
using FluentMigrator.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Nexgent.Schema.Runner;

/// <summary>
/// A migration that runs in a transaction (FluentMigrator's default) but holds a statement PostgreSQL refuses in one
/// (<c>CREATE INDEX CONCURRENTLY</c>, a <c>DO</c> block that commits) would fail only when its turn came, after the
/// migrations before it had been applied. The runner refuses the run before applying any.
/// </summary>
public sealed partial class SchemaRunner
{
    /// <summary>Refuses <paramref name="steps"/> when one runs in a transaction a statement that cannot; a preview shows the SQL and warns.</summary>
    private void RefuseWhatCannotRunInATransaction(IReadOnlyList<MigrationStep> steps)
    {
        var refused = steps
            .Select(s => (Step: s, What: CannotRunInATransaction(Known[s.Version], s.Direction)))
            .Where(r => r.What is not null)
            .ToList();
        if (refused.Count == 0)
        {
            return;
        }

        var nothing = steps[0].Direction == MigrationDirection.Up ? "applied" : "rolled back";
        var sentence = refused.Count == 1
            ? $"Migration {refused[0].Step} runs {refused[0].What}, which PostgreSQL cannot run inside a transaction, but the migration runs in one: declare it {Declaration(refused[0].Step.Version, refused[0].Step.Description)}; nothing was {nothing}."
            : $"Migration {string.Join(", migration ", refused.SkipLast(1).Select(r => $"{r.Step} runs {r.What}"))}, and migration {refused[^1].Step} runs {refused[^1].What}, which PostgreSQL cannot run inside a transaction, but they run in one: declare each {Declaration(null, null)}; nothing was {nothing}.";
        if (!options.Value.Preview)
        {
            throw new SchemaRunnerException(sentence);
        }

        logger.LogWarning("{Refusal} A run that is not a preview refuses it.", sentence);
    }

    /// <summary>
    /// For <c>validate</c>: every migration of the assemblies that runs in a transaction a statement that cannot, in
    /// either direction, as one sentence each.
    /// </summary>
    internal IReadOnlyList<string> MigrationsThatCannotRunInATransaction()
        => Known.Values
            .SelectMany(m => new[] { MigrationDirection.Up, MigrationDirection.Down }.Select(d => (Migration: m, Direction: d, What: CannotRunInATransaction(m, d))))
            .Where(p => p.What is not null)
            .Select(p => $"Migration {p.Migration.Version} {p.Migration.Description} runs {p.What} in its {p.Direction}, which PostgreSQL cannot run inside a transaction: declare it {Declaration(p.Migration.Version, p.Migration.Description)}.")
            .ToList();

    /// <summary>What the migration runs in a transaction that PostgreSQL refuses in one, or null (also for one whose SQL cannot be built: running it says why).</summary>
    private string? CannotRunInATransaction(IMigrationInfo info, MigrationDirection direction)
    {
        if (info.TransactionBehavior != TransactionBehavior.Default)
        {
            return null;
        }

        try
        {
            var what = sql.All(info.Migration, direction).SelectMany(statement => OutsideTransaction.In(statement.Sql)).Distinct().ToList();
            return what.Count switch
            {
                0 => null,
                1 => what[0],
                _ => $"{string.Join(", ", what.SkipLast(1))} and {what[^1]}",
            };
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }
    }

    private static string Declaration(long? version, string? description)
        => $"[Migration({version?.ToString() ?? "version"}, TransactionBehavior.None, \"{description ?? "description"}\")]";
}
