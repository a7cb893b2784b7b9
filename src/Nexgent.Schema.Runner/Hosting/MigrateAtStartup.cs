using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Nexgent.Schema.Runner.Hosting;

/// <summary>
/// Applies every pending migration while the host starts, before it serves anything: when a migration fails, the
/// host does not start, so the application never runs on a schema it does not expect. Stopping the host while it
/// migrates cancels the running statement on the server. The host's log gets one line per migration applied, and
/// one for the version the database is at.
/// </summary>
internal sealed class MigrateAtStartup(IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var runner = scope.ServiceProvider.GetRequiredService<SchemaRunner>();
        runner.StartLineLevel = LogLevel.Debug;
        await runner.MigrateUpAsync(cancellationToken: cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
