using Nexgent.Schema.Migrations.Versions;
using Nexgent.Schema.Testing;
using NUnit.Framework;

namespace Nexgent.Schema.Tests;

/// <summary>Each migration up, down and up again; and the catalog after it, its snapshot in Golden/catalog.</summary>
public sealed class RoundTripTests
{
    public static readonly MigrationsUnderTest Nexgent = new(typeof(Init).Assembly, snapshots: "Golden/catalog");

    private static IEnumerable<long> Versions => Nexgent.Versions;

    [TestCaseSource(nameof(Versions))]
    public void Each_migration_goes_up_down_and_up_again(long version) => Nexgent.RoundTrip(TestServer.Current, version);

    [TestCaseSource(nameof(Versions))]
    public void The_catalog_after_each_migration_is_its_snapshot(long version) => Nexgent.CheckSnapshot(TestServer.Current, version);
}
