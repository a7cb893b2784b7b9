using FluentMigrator;
using FluentMigrator.Expressions;
using FluentMigrator.Infrastructure;
using FluentMigrator.Runner;

namespace Nexgent.Schema.Runner;

/// <summary>The expressions a migration builds in one direction, collected without running anything.</summary>
internal sealed class MigrationExpressions(Lazy<IMigrationRunner> runner, IServiceProvider services, DatabaseConnection database)
{
    private readonly Dictionary<IMigration, string?> whyNoDown = new(ReferenceEqualityComparer.Instance);

    public IReadOnlyCollection<IMigrationExpression> Of(IMigration migration, MigrationDirection direction)
    {
        var context = new MigrationContext(runner.Value.Processor, services, database.IsOffline ? "" : database.ConnectionString);
        if (direction == MigrationDirection.Up)
        {
            migration.GetUpExpressions(context);
        }
        else
        {
            migration.GetDownExpressions(context);
        }

        return context.Expressions.ToList();
    }

    /// <summary>
    /// Why <paramref name="migration"/> has no Down, as FluentMigrator finds out only when it gets there: a
    /// <c>ForwardOnlyMigration</c>, an <c>AutoReversingMigration</c> with a step FluentMigrator cannot reverse
    /// (<c>Update</c>, <c>Alter.Column</c>...), or a <c>Down()</c> that throws. Null when its Down builds (even empty).
    /// </summary>
    public string? WhyNoDown(IMigration migration)
    {
        if (!whyNoDown.TryGetValue(migration, out var why))
        {
            why = whyNoDown[migration] = TryDown(migration);
        }

        return why;
    }

    private string? TryDown(IMigration migration)
    {
        if (migration is ForwardOnlyMigration)
        {
            return "it is a ForwardOnlyMigration, which has no Down";
        }

        try
        {
            Of(migration, MigrationDirection.Down);
            return null;
        }
        catch (NotSupportedException e) when (migration is AutoReversingMigration)
        {
            return $"FluentMigrator cannot reverse it automatically ({e.Message.TrimEnd('.')})";
        }
        catch (Exception e) when (e is not OutOfMemoryException && !AsksTheDatabaseWithNone(e))
        {
            return $"its Down throws {e.GetType().Name}{(string.IsNullOrWhiteSpace(e.Message) ? "" : $" ({e.Message.TrimEnd('.')})")}";
        }
    }

    /// <summary>
    /// Whether FluentMigrator's processor that connects to nothing refused a question to the database: a Down that asks
    /// one (<c>Schema.Table(...).Exists()</c>) may well have a Down, which only a run with a database can build.
    /// </summary>
    private bool AsksTheDatabaseWithNone(Exception e)
        => database.IsOffline && e is NotImplementedException && e.TargetSite?.DeclaringType == typeof(FluentMigrator.Runner.Processors.ConnectionlessProcessor);
}
