namespace Nexgent.Schema.Runner.Baselining;

/// <summary>A row of Prisma Migrate's <c>_prisma_migrations</c> table.</summary>
internal sealed record PrismaMigration(string Name, DateTime? StartedAt, DateTime? FinishedAt, DateTime? RolledBackAt)
{
    public bool Finished => FinishedAt is not null && RolledBackAt is null;
}
