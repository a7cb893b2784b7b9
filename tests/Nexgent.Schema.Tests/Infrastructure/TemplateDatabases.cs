using System.Collections.Concurrent;

namespace Nexgent.Schema.Tests.Infrastructure;

/// <summary>
/// Databases migrated once to a version and then copied (<c>CREATE DATABASE ... TEMPLATE</c>) by every
/// test that starts there, instead of migrating from scratch each time.
/// </summary>
public static class TemplateDatabases
{
    private static readonly ConcurrentDictionary<long, TestDatabase> Templates = new();

    /// <summary>A new database already migrated (by this project's runner) to <paramref name="version"/>.</summary>
    public static TestDatabase At(long version)
    {
        var template = Templates.GetOrAdd(version, v =>
        {
            var database = TestDatabase.Create();
            if (v != Golden.Empty)
            {
                Migrator.Up(database, v);
            }

            return database;
        });
        lock (template)
        {
            return TestDatabase.Create(template.Name);
        }
    }

    public static Task DropAllAsync()
    {
        foreach (var template in Templates.Values)
        {
            template.Dispose();
        }

        Templates.Clear();
        return Task.CompletedTask;
    }
}
