using Nexgent.Schema.Testing;
using NUnit.Framework;

namespace Library.Migrations.Tests;

public sealed class MigrationTests
{
    public static readonly MigrationsUnderTest Library = new(typeof(CreateBooks).Assembly, snapshots: "Snapshots");

    private static IEnumerable<long> Versions => Library.Versions;

    [TestCaseSource(nameof(Versions))]
    public void Each_migration_goes_up_down_and_up_again(long version) => Library.RoundTrip(TestServer.Current, version);

    [TestCaseSource(nameof(Versions))]
    public void The_catalog_after_each_migration_is_its_snapshot(long version) => Library.CheckSnapshot(TestServer.Current, version);

    [Test]
    public void A_loan_goes_with_its_book()
    {
        using var database = TestServer.Current.CreateDatabase();
        Library.MigrateUp(database);
        database.Execute("INSERT INTO books (id, title, shelf) VALUES ('8f8e1c2a-0d7b-4a43-9d55-3f1f1d0c2b11', 'Dune', 'fiction')");
        database.Execute("INSERT INTO loans (book_id, borrower) VALUES ('8f8e1c2a-0d7b-4a43-9d55-3f1f1d0c2b11', 'ada')");

        database.Execute("DELETE FROM books");

        Assert.That(database.Scalar<long>("SELECT count(*) FROM loans"), Is.Zero);
    }
}
