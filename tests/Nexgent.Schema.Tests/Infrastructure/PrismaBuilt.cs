namespace Nexgent.Schema.Tests.Infrastructure;

/// <summary>
/// A database as Prisma Migrate leaves it: Nexgent's schema (with trading rows) at a version, a
/// <c>_prisma_migrations</c> table recording the migrations it applied, and no FluentMigrator version table.
/// The schema itself is built by this project's migrations, which the parity tests prove identical to Prisma's.
/// </summary>
public static class PrismaBuilt
{
    public const string CreateTable = """
        CREATE TABLE "_prisma_migrations" (
            "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
            "checksum"              VARCHAR(64) NOT NULL,
            "finished_at"           TIMESTAMPTZ,
            "migration_name"        VARCHAR(255) NOT NULL,
            "logs"                  TEXT,
            "rolled_back_at"        TIMESTAMPTZ,
            "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
            "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
        );
        """;

    public static TestDatabase At(long version)
    {
        var database = TemplateDatabases.SeededAt(version);
        using var migrator = new Migrator(database.ConnectionString);
        var names = migrator.Runner.ListMigrations().Where(m => m.Version <= version).Select(m => $"{m.Version}_{m.Description}").ToList();
        database.Execute("DROP TABLE \"VersionInfo\";" + CreateTable);
        foreach (var name in names)
        {
            Record(database, name);
        }

        return database;
    }

    public static void Record(TestDatabase database, string migrationName, bool finished = true, bool rolledBack = false)
        => database.Execute($"""
            INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, rolled_back_at, applied_steps_count)
            VALUES (gen_random_uuid()::text, encode(sha256('{migrationName}'::bytea), 'hex'),
                    {(finished ? "now()" : "NULL")}, '{migrationName}', {(rolledBack ? "now()" : "NULL")}, {(finished ? 1 : 0)});
            """);
}
