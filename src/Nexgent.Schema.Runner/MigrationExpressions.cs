using FluentMigrator;
using FluentMigrator.Expressions;
using FluentMigrator.Infrastructure;
using FluentMigrator.Runner;

namespace Nexgent.Schema.Runner;

/// <summary>The expressions a migration builds in one direction, collected without running anything.</summary>
internal sealed class MigrationExpressions(Lazy<IMigrationRunner> runner, IServiceProvider services, DatabaseConnection database)
{
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
}
