using Nexgent.Schema.Testing;
using Nexgent.Schema.Tests.Infrastructure;
using NUnit.Framework;

namespace Nexgent.Schema.Tests;

/// <summary>
/// The one PostgreSQL server of a test run, from the kit: <c>DATABASE_TEST_URL</c> when set, else a Testcontainers
/// container when Docker answers, else a throwaway cluster from the installed binaries. Without any of them the run
/// fails with a sentence saying how to provide one; no test is skipped.
/// </summary>
[SetUpFixture]
public sealed class TestServer
{
    private static TestPostgres? current;

    public static TestPostgres Current => current ?? throw new InvalidOperationException("The test server is not started.");

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        current = await TestPostgres.StartAsync();
        await TestContext.Progress.WriteLineAsync($"PostgreSQL for the tests: {current.Description}");
        TemplateDatabases.WarmUp();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (current is not null)
        {
            await current.DisposeAsync();
            current = null;
        }
    }
}
