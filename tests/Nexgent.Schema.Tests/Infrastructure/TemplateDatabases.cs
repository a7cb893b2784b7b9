using Nexgent.Schema.Tests.Data;

namespace Nexgent.Schema.Tests.Infrastructure;

/// <summary>
/// Nexgent's template databases on the run's server (the kit's <see cref="DatabaseTemplates"/>): migrated once to a
/// version and copied by every test that starts there, plain or holding <see cref="NexgentSeed"/>'s rows.
/// </summary>
public static class TemplateDatabases
{
    private static readonly DatabaseSeed Seed = new(NexgentSeed.Sql);

    /// <summary>A new database already migrated (by this project's runner) to <paramref name="version"/>.</summary>
    public static TestDatabase At(long version) => Plain.At(version);

    /// <summary>
    /// A new database holding <see cref="NexgentSeed"/>'s rows, inserted at the first version and carried
    /// by the migrations up to <paramref name="version"/>, as a production database's rows would be.
    /// </summary>
    public static TestDatabase SeededAt(long version) => Seeded.At(version);

    /// <summary>The catalog of a database migrated forward to <paramref name="version"/>.</summary>
    public static IReadOnlyList<string> CatalogAt(long version) => Plain.CatalogAt(version);

    /// <summary>Most tests start from the latest version's templates: they are built beside the first tests.</summary>
    public static void WarmUp()
    {
        Plain.PrepareInBackground(Golden.Latest);
        Seeded.PrepareInBackground(Golden.Latest);
    }

    private static DatabaseTemplates Plain => TestServer.Current.Templates(Golden.Migrations);

    private static DatabaseTemplates Seeded => TestServer.Current.Templates(Golden.Migrations, Seed);
}
