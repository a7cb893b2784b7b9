using Nexgent.Schema.Tests.Infrastructure;
using NUnit.Framework;

namespace Nexgent.Schema.Tests;

/// <summary>
/// The one PostgreSQL server of a test run: <c>DATABASE_TEST_URL</c> when set, else a Testcontainers
/// container when Docker answers, else a throwaway cluster from the installed binaries. Without any
/// of them the run fails with a sentence saying how to provide one; no test is skipped.
/// </summary>
[SetUpFixture]
public sealed class TestServer
{
    private static IPostgresServer? current;
    private static Task warmUp = Task.CompletedTask;

    public static IPostgresServer Current => current ?? throw new InvalidOperationException("The test server is not started.");

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        current = ExternalServer.FromEnvironment()
                  ?? (IPostgresServer?)await ContainerServer.TryStartAsync()
                  ?? LocalClusterServer.TryStart()
                  ?? throw new InvalidOperationException(
                      $"No PostgreSQL server for the tests: set {ExternalServer.Variable}=postgresql://user:password@host:5432/postgres, start a Docker engine, or install the server binaries (apt-get install postgresql-15).");
        await TestContext.Progress.WriteLineAsync($"PostgreSQL for the tests: {current.Description}");

        // Most tests start from the latest version's templates; build them now, beside the first tests, instead of
        // in the way of the first test that needs one. A failure here reaches those tests through the same Lazy.
        warmUp = Task.WhenAll(
            Task.Run(() => TemplateDatabases.Prepare(Golden.Latest, seeded: false)),
            Task.Run(() => TemplateDatabases.Prepare(Golden.Latest, seeded: true)));
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (current is not null)
        {
            // A short filtered run may end first; its templates must exist before they are dropped.
            await warmUp.ContinueWith(_ => { }, TaskScheduler.Default);
            await TemplateDatabases.DropAllAsync();
            await current.DisposeAsync();
            current = null;
        }
    }
}
