using FluentMigrator.Builders.Execute;
using FluentMigrator.Expressions;
using FluentMigrator.Infrastructure;
using Nexgent.Schema.Tests.OnlineMigrations;
using Npgsql;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Online;

/// <summary>
/// The online migrations (tests/Nexgent.Schema.Tests.OnlineMigrations) on the run's server: databases migrated to a
/// version, holding 10 accounts and 1000 trades inserted when the tables were created, and what the tests read of them.
/// </summary>
internal static class OnlineDatabase
{
    public const long Created = 20320101000000;
    public const long Indexed = 20320102000000;
    public const long ConstraintsAdded = 20320103000000;
    public const long Validated = 20320104000000;
    public const long Backfilled = 20320105000000;
    public const long Required = 20320106000000;
    public const long IndexInATransaction = 20321201000000;
    public const long BackfillInATransaction = 20321202000000;

    /// <summary>The migrations a run meets without <c>--tag mistaken</c>: all but the two that run in a transaction by mistake.</summary>
    public static readonly MigrationsUnderTest UnderTest = new(typeof(CreateTrades).Assembly);

    public const string Rows = """
        INSERT INTO accounts SELECT g FROM generate_series(1, 10) g;
        INSERT INTO trades (id, "accountId", ref, amount) SELECT g, 1 + g % 10, 'T-' || g, g * 1.5 FROM generate_series(1, 1000) g;
        """;

    private static readonly DatabaseSeed Seed = new(Rows);

    /// <summary>The assembly as the command line loads it (-a), built beside the tests.</summary>
    public static string Assembly => Path.Combine(TestContext.CurrentContext.TestDirectory, "Nexgent.Schema.Tests.OnlineMigrations.dll");

    /// <summary>A new database migrated to <paramref name="version"/>, holding the rows.</summary>
    public static TestDatabase At(long version) => TestServer.Current.Templates(UnderTest, Seed).At(version);

    /// <summary>The SQL a building block writes, each statement as the runner reads it from the migration's expressions.</summary>
    public static string[] SqlOf(Action<IExecuteExpressionRoot> build)
    {
        var context = new MigrationContext(null!, null!, null!);
        build(new ExecuteExpressionRoot(context));
        return [.. context.Expressions.Cast<ExecuteSqlStatementExpression>().Select(e => e.SqlStatement)];
    }

    /// <summary>Each index of trades and whether it is valid, by name.</summary>
    public static Dictionary<string, bool> Indexes(TestDatabase database)
        => database.Rows("SELECT c.relname, i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = 'trades'::regclass")
            .ToDictionary(r => (string)r[0]!, r => (bool)r[1]!);

    /// <summary>Each check and foreign key of trades and whether it is validated, by name.</summary>
    public static Dictionary<string, bool> Constraints(TestDatabase database)
        => database.Rows("SELECT conname, convalidated FROM pg_constraint WHERE conrelid = 'trades'::regclass AND contype IN ('c', 'f')")
            .ToDictionary(r => (string)r[0]!, r => (bool)r[1]!);

    public static bool IsNotNull(TestDatabase database, string column)
        => database.Scalar<bool>($"SELECT attnotnull FROM pg_attribute WHERE attrelid = 'trades'::regclass AND attname = '{column}'");

    /// <summary>
    /// The table locks <paramref name="sql"/> takes, by table, the strongest of each: run in a transaction of the test's
    /// own, read from pg_locks before it is rolled back. Only for statements that can run in a transaction.
    /// </summary>
    public static Dictionary<string, string> LocksTakenBy(TestDatabase database, params string[] sql)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        foreach (var statement in sql)
        {
            using var run = new NpgsqlCommand(statement, connection, transaction);
            run.ExecuteNonQuery();
        }

        using var read = new NpgsqlCommand("""
            SELECT c.relname, l.mode FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
            WHERE l.pid = pg_backend_pid() AND l.locktype = 'relation' AND l.granted AND c.relname IN ('trades', 'accounts')
            """, connection, transaction);
        var locks = new List<(string Table, string Mode)>();
        using (var reader = read.ExecuteReader())
        {
            while (reader.Read())
            {
                locks.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        transaction.Rollback();
        return locks.GroupBy(l => l.Table).ToDictionary(g => g.Key, g => g.MaxBy(l => Array.IndexOf(Strength, l.Mode))!.Mode);
    }

    /// <summary>The table lock modes from the weakest to the strongest; writers (ROW EXCLUSIVE) wait for SHARE and above.</summary>
    public static readonly string[] Strength =
    [
        "AccessShareLock", "RowShareLock", "RowExclusiveLock", "ShareUpdateExclusiveLock",
        "ShareLock", "ShareRowExclusiveLock", "ExclusiveLock", "AccessExclusiveLock",
    ];
}
