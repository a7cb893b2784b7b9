using Nexgent.Schema.Tests.Infrastructure;
using NUnit.Framework;

namespace Nexgent.Schema.Tests;

/// <summary>
/// A database migrated up to V prints Nexgent's catalog at V, line for line, column order included: step by step
/// through the template databases for each V, and from empty to the latest version in one run.
/// </summary>
public sealed class ForwardParityTests
{
    private static IEnumerable<long> Versions => Golden.Versions;

    [Test]
    public void A_new_database_is_empty_like_Nexgents_catalog_before_any_migration()
    {
        using var database = TestDatabase.Create();

        Assert.That(database.Catalog(), Is.EqualTo(Golden.CatalogAt(Golden.Empty)));
    }

    [TestCaseSource(nameof(Versions))]
    public void Migrating_up_to_a_version_gives_Nexgents_catalog_at_that_version(long version)
    {
        using var database = TemplateDatabases.At(version);

        Assert.That(database.Catalog(), Is.EqualTo(Golden.CatalogAt(version)));
        Assert.That(database.RecordedVersions(), Is.EqualTo(Golden.Versions.Where(v => v <= version)));
    }

    [Test]
    public void Migrating_up_with_no_target_applies_every_migration()
    {
        using var database = TestDatabase.Create();

        var result = Migrator.Up(database);

        Assert.That(result.Steps.Select(s => s.Version), Is.EqualTo(Golden.Versions));
        Assert.That(result.VersionAfter, Is.EqualTo(Golden.Latest));
        Assert.That(database.Catalog(), Is.EqualTo(Golden.CatalogAt(Golden.Latest)));
    }

    [Test]
    public void Migrating_an_up_to_date_database_changes_nothing()
    {
        using var database = TemplateDatabases.At(Golden.Latest);

        var result = Migrator.Up(database);

        Assert.That(result.Steps, Is.Empty);
        Assert.That(database.Catalog(), Is.EqualTo(Golden.CatalogAt(Golden.Latest)));
    }
}
