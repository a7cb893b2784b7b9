using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Nexgent.Schema.Runner;

/// <summary>
/// A <see cref="SchemaRunner"/> with a service provider of its own, for code that has no host to register
/// it in (a one-off job, a shadow database, a test). Dispose it to close its connections.
/// </summary>
public sealed class SchemaRunnerScope : IDisposable
{
    private readonly ServiceProvider provider;
    private readonly IServiceScope scope;

    private SchemaRunnerScope(ServiceProvider provider)
    {
        this.provider = provider;
        scope = provider.CreateScope();
        Runner = scope.ServiceProvider.GetRequiredService<SchemaRunner>();
    }

    public SchemaRunner Runner { get; }

    /// <summary>Another service of the runner library (<see cref="Drift.DriftDetector"/>, <see cref="Baselining.Baseliner"/>...).</summary>
    public T Get<T>() where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    public static SchemaRunnerScope Create(Action<SchemaRunnerOptions> configure, Action<ILoggingBuilder>? logging = null)
    {
        var services = new ServiceCollection();
        if (logging is not null)
        {
            services.AddLogging(logging);
        }

        return new SchemaRunnerScope(services.AddSchemaRunner(configure).BuildServiceProvider());
    }

    public void Dispose()
    {
        try
        {
            scope.Dispose();
            provider.Dispose();
        }
        catch (Exception e) when (e is ObjectDisposedException or InvalidOperationException or Npgsql.NpgsqlException)
        {
            // FluentMigrator's processor rolls back its open transaction when disposed; on a connection the
            // server has already closed that throws, and would hide the failure the caller is handling.
        }
    }
}
