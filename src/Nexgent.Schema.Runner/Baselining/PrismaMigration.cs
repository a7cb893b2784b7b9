namespace Nexgent.Schema.Runner.Baselining;

/// <summary>A row of Prisma Migrate's <c>_prisma_migrations</c> table.</summary>
internal sealed record PrismaMigration(string Name, DateTime? StartedAt, DateTime? FinishedAt, DateTime? RolledBackAt)
{
    /// <summary>The version a migration named <c>20251211112932_init</c> carries; null when the name has none.</summary>
    public long? Version => Name.Length > 14 && Name[14] == '_' && long.TryParse(Name[..14], out var version) ? version : null;

    /// <summary>The part after the timestamp (<c>init</c>), which this project keeps as the description.</summary>
    public string Description => Name.Length > 15 ? Name[15..] : "";

    public bool Finished => FinishedAt is not null && RolledBackAt is null;
}
