using FluentMigrator;

namespace Nexgent.Schema.Runner;

/// <summary>One migration run in one direction, with what it destroys when it does.</summary>
public sealed record MigrationStep(long Version, string Description, MigrationDirection Direction, IReadOnlyList<string> DataLoss)
{
    public override string ToString() => $"{Version} {Description} ({(Direction == MigrationDirection.Up ? "up" : "down")})";
}
