using System.Collections.Concurrent;

namespace Nexgent.Schema.Testing;

/// <summary>
/// Databases migrated once to a version and then copied (<c>CREATE DATABASE ... TEMPLATE</c>) by every test that starts
/// there, instead of migrating from scratch each time. Each template is the one before it, copied and migrated one step
/// further, so all of them together cost one migration each; the first and the latest are migrated from empty in one run,
/// the latest because most tests start there and would otherwise wait at the end of the chain. The catalog of each
/// template is read once, when it is made. Get them from <see cref="TestPostgres.Templates"/>.
/// </summary>
public sealed class DatabaseTemplates
{
    private readonly TestPostgres server;
    private readonly ConcurrentDictionary<long, Lazy<Template>> templates = new();
    private readonly List<Task> preparing = [];

    internal DatabaseTemplates(TestPostgres server, MigrationsUnderTest migrations, DatabaseSeed? seed)
    {
        this.server = server;
        Migrations = migrations;
        Seed = seed;
    }

    public MigrationsUnderTest Migrations { get; }

    public DatabaseSeed? Seed { get; }

    /// <summary>A new database, a copy of the template migrated to <paramref name="version"/> (0: empty).</summary>
    public TestDatabase At(long version) => server.CreateDatabase(TemplateOf(version).Database.Name);

    /// <summary>The catalog (<see cref="Catalog"/>, with column order) of the template at <paramref name="version"/>: a database migrated forward to it.</summary>
    public IReadOnlyList<string> CatalogAt(long version) => TemplateOf(version).Catalog;

    /// <summary>Makes the template at <paramref name="version"/> now, without copying it.</summary>
    public void Prepare(long version) => TemplateOf(version);

    /// <summary>
    /// Starts making the template at <paramref name="version"/> in the background, beside the first tests instead of in the
    /// way of the first one that needs it. A failure reaches the tests that need the template.
    /// </summary>
    public void PrepareInBackground(long version)
    {
        lock (preparing)
        {
            preparing.Add(Task.Run(() => TemplateOf(version)));
        }
    }

    internal async Task DropAsync()
    {
        Task[] started;
        lock (preparing)
        {
            started = [.. preparing];
        }

        // A short run may end first; its templates must exist before they are dropped.
        await Task.WhenAll(started).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
        foreach (var template in templates.Values.Where(t => t.IsValueCreated))
        {
            template.Value.Database.Dispose();
        }

        templates.Clear();
    }

    private Template TemplateOf(long version)
    {
        if (version != 0 && !Migrations.Versions.Contains(version))
        {
            throw new ArgumentException($"{version} is not a version of {Migrations}.", nameof(version));
        }

        if (version < SeedVersion)
        {
            throw new ArgumentException($"The seeded rows need the tables of version {SeedVersion}; there is no seeded template at {version}.", nameof(version));
        }

        // Lazy: tests running side by side make each template once, and all see its failure.
        return templates.GetOrAdd(version, v => new Lazy<Template>(() => Build(v))).Value;
    }

    private long SeedVersion => Seed is null ? 0 : Seed.AtVersion ?? Migrations.Versions[0];

    private Template Build(long version)
    {
        TestDatabase database;
        if (version == 0 || version == Migrations.Versions[0] || version == Migrations.Latest || (Seed is not null && version == SeedVersion))
        {
            database = server.CreateDatabase();
            if (Seed is not null)
            {
                Migrations.MigrateUp(database, SeedVersion);
                database.Execute(Seed.Sql);
            }

            if (version != 0)
            {
                Migrations.MigrateUp(database, version);
            }
        }
        else
        {
            database = server.CreateDatabase(TemplateOf(Migrations.Previous(version)).Database.Name);
            Migrations.MigrateUp(database, version);
        }

        var catalog = database.Catalog(ordered: true, Migrations.Schema);

        // A template must have no session open; the runner closed its own.
        database.CloseSessions();
        return new Template(database, catalog);
    }

    private sealed record Template(TestDatabase Database, IReadOnlyList<string> Catalog);
}
