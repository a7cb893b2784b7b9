using Nexgent.Schema.Testing;
using NUnit.Framework;

namespace Library.Migrations.Tests;

/// <summary>One throwaway PostgreSQL for the run: DATABASE_TEST_URL, Testcontainers, or a local initdb cluster.</summary>
[SetUpFixture]
public sealed class TestServer
{
    private static TestPostgres? current;

    public static TestPostgres Current => current ?? throw new InvalidOperationException("The test server is not started.");

    [OneTimeSetUp]
    public async Task StartAsync() => current = await TestPostgres.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (current is not null)
        {
            await current.DisposeAsync();
        }
    }
}
