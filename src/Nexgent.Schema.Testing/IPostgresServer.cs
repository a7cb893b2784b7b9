namespace Nexgent.Schema.Testing;

/// <summary>A PostgreSQL server the tests may create and drop databases on.</summary>
internal interface IPostgresServer : IAsyncDisposable
{
    /// <summary>Where the server came from, for the test log.</summary>
    string Description { get; }

    /// <summary>An Npgsql connection string of a superuser on the server's maintenance database.</summary>
    string AdminConnectionString { get; }

    /// <summary>
    /// Whether the server is removed after the run, databases and all. Tests then leave their databases
    /// instead of dropping each one: a DROP DATABASE forces a checkpoint that every test running beside it waits for.
    /// </summary>
    bool IsThrowaway { get; }
}
