namespace Nexgent.Schema.Tests.Infrastructure;

/// <summary><c>TestDatabase.Create()</c>: a database of its own on the run's server, for the tests that start from nothing.</summary>
public static class TestDatabaseExtensions
{
    extension(TestDatabase)
    {
        /// <summary>A new database on <see cref="TestServer.Current"/>: empty, or a copy of <paramref name="template"/>.</summary>
        public static TestDatabase Create(string? template = null) => TestServer.Current.CreateDatabase(template);
    }
}
