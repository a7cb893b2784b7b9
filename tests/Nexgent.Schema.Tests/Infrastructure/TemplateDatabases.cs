using System.Collections.Concurrent;
using Nexgent.Schema.Tests.Data;

namespace Nexgent.Schema.Tests.Infrastructure;

/// <summary>
/// Databases migrated once to a version and then copied (<c>CREATE DATABASE ... TEMPLATE</c>) by every
/// test that starts there, instead of migrating from scratch each time. Each template is the one before it,
/// copied and migrated one step further, so the 18 of them cost one migration each; the latest is migrated
/// from empty in one run, since most tests start there.
/// </summary>
public static class TemplateDatabases
{
    private static readonly ConcurrentDictionary<(long Version, bool Seeded), Lazy<TestDatabase>> Templates = new();

    /// <summary>A new database already migrated (by this project's runner) to <paramref name="version"/>.</summary>
    public static TestDatabase At(long version) => CopyOf(version, seeded: false);

    /// <summary>
    /// A new database holding <see cref="NexgentSeed"/>'s rows, inserted at the first version and carried
    /// by the migrations up to <paramref name="version"/>, as a production database's rows would be.
    /// </summary>
    public static TestDatabase SeededAt(long version) => CopyOf(version, seeded: true);

    /// <summary>Builds the template at <paramref name="version"/> now, without copying it for a test.</summary>
    public static void Prepare(long version, bool seeded) => TemplateOf(version, seeded);

    public static Task DropAllAsync()
    {
        foreach (var template in Templates.Values.Where(t => t.IsValueCreated))
        {
            template.Value.Dispose();
        }

        Templates.Clear();
        return Task.CompletedTask;
    }

    private static TestDatabase CopyOf(long version, bool seeded) => TestDatabase.Create(TemplateOf(version, seeded).Name);

    private static TestDatabase TemplateOf(long version, bool seeded)
    {
        if (version != Golden.Empty && !Golden.Versions.Contains(version))
        {
            throw new ArgumentException($"{version} is not one of Nexgent's versions.", nameof(version));
        }

        if (seeded && version == Golden.Empty)
        {
            throw new ArgumentException("Seeded rows need the tables of the first version.", nameof(version));
        }

        // Lazy: tests running in parallel build each template once.
        return Templates.GetOrAdd((version, seeded), key => new Lazy<TestDatabase>(() => Build(key.Version, key.Seeded))).Value;
    }

    private static TestDatabase Build(long version, bool seeded)
    {
        var first = Golden.Versions[0];
        TestDatabase database;
        if (version == Golden.Empty || version == first || version == Golden.Latest)
        {
            // The latest version, which most tests start from, is migrated in one run from empty rather than
            // waiting at the end of the chain of 18 copies.
            database = TestDatabase.Create();
            if (seeded)
            {
                Migrator.Up(database, first);
                database.Execute(NexgentSeed.Sql);
            }

            if (version != Golden.Empty)
            {
                Migrator.Up(database, version);
            }
        }
        else
        {
            database = CopyOf(Golden.Previous(version), seeded);
            Migrator.Up(database, version);
        }

        // A template must have no session open, pooled ones included.
        Npgsql.NpgsqlConnection.ClearAllPools();
        return database;
    }
}
