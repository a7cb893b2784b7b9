using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Nexgent.Schema.Runner.Hosting;

/// <summary>
/// Applies every pending migration while the host starts, before it serves anything: when a migration fails, the
/// host does not start, so the application never runs on a schema it does not expect. Stopping the host while it
/// migrates cancels the running statement on the server.
/// </summary>
internal sealed class MigrateAtStartup(IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SchemaRunner>().MigrateUpAsync(cancellationToken: cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
