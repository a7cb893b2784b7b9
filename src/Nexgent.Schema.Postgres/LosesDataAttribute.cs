using FluentMigrator;

namespace Nexgent.Schema.Postgres;

/// <summary>
/// Declares that running a migration in one direction destroys data (a dropped column or table,
/// deleted rows, rounded values). The runner warns with <see cref="What"/> before running it.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class LosesDataAttribute(MigrationDirection direction, string what) : Attribute
{
    public MigrationDirection Direction { get; } = direction;

    public string What { get; } = what;
}
