using Nexgent.Schema.Tests.Infrastructure;
using NUnit.Framework;

namespace Nexgent.Schema.Tests;

/// <summary>Each migration alone: up to V, down to the version before, up to V again.</summary>
public sealed class RoundTripTests
{
    private static IEnumerable<long> Versions => Golden.Versions;

    [TestCaseSource(nameof(Versions))]
    public void Each_migration_goes_up_down_and_up_again(long version)
    {
        var previous = Golden.Previous(version);
        using var database = TemplateDatabases.At(previous);

        Migrator.Up(database, version);
        Assert.That(database.Catalog(), Is.EqualTo(Golden.CatalogAt(version)), "first up");
        Assert.That(database.RecordedVersions(), Has.Member(version).And.Count.EqualTo(Golden.Versions.Count(v => v <= version)));

        Migrator.Down(database, previous);
        Assert.That(database.Catalog(), Is.EquivalentTo(Golden.CatalogAt(previous)), "down");
        Assert.That(database.RecordedVersions(), Is.EqualTo(Golden.Versions.Where(v => v <= previous)));

        Migrator.Up(database, version);
        Assert.That(database.Catalog(), Is.EquivalentTo(Golden.CatalogAt(version)), "second up");
        Assert.That(database.RecordedVersions(), Is.EqualTo(Golden.Versions.Where(v => v <= version)));
    }
}
