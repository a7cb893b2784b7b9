namespace Nexgent.Schema.Runner;

/// <summary>Where a database stands against the migration assemblies.</summary>
public sealed record SchemaStatus(string Database, long CurrentVersion, IReadOnlyList<MigrationState> Migrations, IReadOnlyList<FailedMigration> Failed)
{
    public IReadOnlyList<MigrationState> Applied => Migrations.Where(m => m.IsApplied && m.IsKnown).ToList();

    public IReadOnlyList<MigrationState> Pending => Migrations.Where(m => !m.IsApplied).ToList();

    /// <summary>Recorded in the database, absent from the assemblies.</summary>
    public IReadOnlyList<MigrationState> Unknown => Migrations.Where(m => !m.IsKnown).ToList();

    public bool IsUpToDate => Pending.Count == 0 && Unknown.Count == 0 && Failed.Count == 0;
}

/// <summary>A non-transactional migration that failed midway (or never finished): the database is dirty.</summary>
public sealed record FailedMigration(long Version, string Description, string Reason);
