using Testcontainers.PostgreSql;

namespace Nexgent.Schema.Testing;

/// <summary>A throwaway PostgreSQL in Docker through Testcontainers, when a Docker engine answers.</summary>
internal sealed class ContainerServer : IPostgresServer
{
    public const string ImageVariable = "POSTGRES_TEST_IMAGE";

    private readonly PostgreSqlContainer container;

    private ContainerServer(PostgreSqlContainer container, string image)
    {
        this.container = container;
        Description = $"Testcontainers ({image})";
    }

    public string Description { get; }

    public bool IsThrowaway => true;

    public string AdminConnectionString => container.GetConnectionString();

    /// <summary>
    /// Starts a container (image <c>POSTGRES_TEST_IMAGE</c>, default <c>postgres:15-alpine</c>), or returns null when no
    /// Docker engine can be reached.
    /// </summary>
    public static async Task<ContainerServer?> TryStartAsync()
    {
        if (!DockerEngine.IsReachable())
        {
            return null;
        }

        var image = Environment.GetEnvironmentVariable(ImageVariable) is { Length: > 0 } i ? i : "postgres:15-alpine";
        // A password of its own, as on a real server: a test can prove that a wrong one is refused and that this one
        // never reaches the output (Testcontainers' default would be "postgres").
        var container = new PostgreSqlBuilder(image)
            .WithDatabase("postgres")
            .WithPassword("pw-" + Guid.NewGuid().ToString("N"))
            .WithCommand("-c", "fsync=off", "-c", "full_page_writes=off", "-c", "synchronous_commit=off", "-c", "max_connections=200", "-c", "autovacuum=off")
            .Build();
        await container.StartAsync();
        return new ContainerServer(container, image);
    }

    public ValueTask DisposeAsync() => container.DisposeAsync();
}
