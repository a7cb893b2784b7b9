namespace Nexgent.Schema.Runner;

/// <summary>Where a database stands against the migration assemblies.</summary>
public sealed record SchemaStatus(string Database, long CurrentVersion, IReadOnlyList<MigrationState> Migrations, IReadOnlyList<FailedMigration> Failed)
{
    public IReadOnlyList<MigrationState> Applied => Migrations.Where(m => m.IsApplied && m.IsKnown && !m.IsFailed).ToList();

    public IReadOnlyList<MigrationState> Pending => Migrations.Where(m => !m.IsApplied && !m.IsFailed).ToList();

    /// <summary>Recorded in the database, absent from the assemblies.</summary>
    public IReadOnlyList<MigrationState> Unknown => Migrations.Where(m => !m.IsKnown && !m.IsFailed).ToList();

    public bool IsUpToDate => Pending.Count == 0 && Unknown.Count == 0 && Failed.Count == 0;

    /// <summary>Whether the database holds a schema no migration is recorded for: migrating it needs a baseline first.</summary>
    public UnrecordedSchema Unrecorded { get; init; }
}

/// <summary>Who built a schema that records no migration.</summary>
public enum UnrecordedSchema
{
    /// <summary>The database records its migrations, or holds no table.</summary>
    None,

    /// <summary>Prisma migrated it (<c>_prisma_migrations</c> is there): baseline it from Prisma's history.</summary>
    Prisma,

    /// <summary>A person or another tool built it: baseline it at the version its schema is.</summary>
    Other,
}

/// <summary>A non-transactional migration that failed midway (or never finished): the database is dirty.</summary>
public sealed record FailedMigration(long Version, string Description, string Reason);
