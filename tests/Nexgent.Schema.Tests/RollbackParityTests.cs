using Nexgent.Schema.Tests.Infrastructure;
using NUnit.Framework;

namespace Nexgent.Schema.Tests;

/// <summary>
/// From the latest version, rolling back to V gives Nexgent's catalog at V in some order (a column a
/// Down method re-adds lands at the end of its table).
/// </summary>
public sealed class RollbackParityTests
{
    private static IEnumerable<long> Targets => Golden.Versions.Where(v => v != Golden.Latest).Append(Golden.Empty);

    [TestCaseSource(nameof(Targets))]
    public void Rolling_back_from_the_latest_version_gives_Nexgents_catalog_at_the_target(long target)
    {
        using var database = TemplateDatabases.At(Golden.Latest);

        var result = Migrator.Down(database, target);

        Assert.That(database.Catalog(), Is.EquivalentTo(Golden.CatalogAt(target)));
        Assert.That(database.RecordedVersions(), Is.EqualTo(Golden.Versions.Where(v => v <= target)));
        Assert.That(result.Steps.Select(s => s.Version), Is.EqualTo(Golden.Versions.Where(v => v > target).Reverse()));
    }

    [Test]
    public void Rolling_back_everything_leaves_no_Nexgent_type_table_or_sequence()
    {
        using var database = TemplateDatabases.At(Golden.Latest);

        Migrator.Down(database, Golden.Empty);

        var leftovers = database.Rows("""
            SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = 'public' AND c.relkind IN ('r', 'S', 'v', 'm', 'p') AND c.relname NOT IN ('VersionInfo', 'VersionJournal')
            UNION ALL
            SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
             WHERE n.nspname = 'public' AND t.typtype = 'e'
            """);
        Assert.That(leftovers, Is.Empty);
        Assert.That(database.RecordedVersions(), Is.Empty);
    }
}
