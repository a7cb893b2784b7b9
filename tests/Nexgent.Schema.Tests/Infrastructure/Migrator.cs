using Nexgent.Schema.Migrations.Versions;
using Nexgent.Schema.Runner;

namespace Nexgent.Schema.Tests.Infrastructure;

/// <summary>The runner library as a host application uses it, pointed at a test database.</summary>
public sealed class Migrator : IDisposable
{
    private readonly SchemaRunnerScope scope;

    public Migrator(string connectionString, Action<SchemaRunnerOptions>? configure = null)
    {
        scope = SchemaRunnerScope.Create(options =>
        {
            options.ConnectionString = connectionString;
            options.MigrationAssemblies.Add(typeof(Init).Assembly);
            configure?.Invoke(options);
        });
    }

    public SchemaRunner Runner => scope.Runner;

    public static MigrationResult Up(TestDatabase database, long? target = null) => Golden.Migrations.MigrateUp(database, target);

    public static MigrationResult Down(TestDatabase database, long target) => Golden.Migrations.MigrateDown(database, target);

    public void Dispose() => scope.Dispose();
}
