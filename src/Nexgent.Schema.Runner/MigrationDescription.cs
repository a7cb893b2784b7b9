using FluentMigrator.Infrastructure;

namespace Nexgent.Schema.Runner;

/// <summary>
/// How a migration is named to a person: its description, or its class name when it has none (most FluentMigrator
/// projects give none). The version table keeps what FluentMigrator writes there.
/// </summary>
internal static class MigrationDescription
{
    public static string Of(IMigrationInfo migration)
        => string.IsNullOrWhiteSpace(migration.Description) ? migration.Migration.GetType().Name : migration.Description;
}
