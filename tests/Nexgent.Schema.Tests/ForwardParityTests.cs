using Nexgent.Schema.Tests.Infrastructure;
using NUnit.Framework;

namespace Nexgent.Schema.Tests;

/// <summary>
/// A database migrated up prints Nexgent's catalog, line for line, column order included: from empty to the latest
/// version in one run here; step by step through each version in <see cref="RoundTripTests"/>' snapshot check.
/// </summary>
public sealed class ForwardParityTests
{
    [Test]
    public void A_new_database_is_empty_like_Nexgents_catalog_before_any_migration()
    {
        using var database = TestDatabase.Create();

        Assert.That(database.Catalog(), Is.EqualTo(Golden.CatalogAt(Golden.Empty)));
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
