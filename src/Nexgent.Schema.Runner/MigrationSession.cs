using System.Data;
using FluentMigrator.Runner.Generators.Postgres;
using FluentMigrator.Runner.Initialization;
using FluentMigrator.Runner.Processors;
using FluentMigrator.Runner.Processors.Postgres;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nexgent.Schema.Runner.Rehearsal;
using Npgsql;

namespace Nexgent.Schema.Runner;

/// <summary>
/// FluentMigrator's PostgreSQL processor (the session every migration runs on), which can also give up a session the
/// server has closed and go on with a new one. FluentMigrator's own keeps the broken connection and a transaction it can
/// no longer roll back, so every later step would fail on it.
/// </summary>
internal sealed class MigrationSession : Postgres15_0Processor
{
    private readonly string connectionString;

    /// <summary>Where the notices the migrations raise are shown: the runner's own log, which the command line prints.</summary>
    private readonly ILogger<SchemaRunner> runnerLog;

    /// <summary>Whether the session was opened once: until then it is not lost, only not open yet.</summary>
    private bool opened;

    public MigrationSession(
        PostgresDbFactory factory,
        Postgres15_0Generator generator,
        ILogger<Postgres15_0Processor> logger,
        IOptionsSnapshot<ProcessorOptions> options,
        IConnectionStringAccessor connectionStringAccessor,
        PostgresOptions pgOptions,
        ILogger<SchemaRunner> runnerLog)
        : base(factory, generator, logger, options, connectionStringAccessor, pgOptions)
    {
        connectionString = connectionStringAccessor.ConnectionString;
        this.runnerLog = runnerLog;

        // Instead of FluentMigrator's connection, opened as it is first asked for, one opened by EnsureConnectionIsOpen.
        Connection = new NpgsqlConnection(connectionString);
    }

    /// <summary>Opens the session when FluentMigrator first needs it (or again, after it broke), a live one.</summary>
    protected override void EnsureConnectionIsOpen()
    {
        if (Connection is not NpgsqlConnection session || session.FullState.HasFlag(ConnectionState.Broken) || session.State != ConnectionState.Open)
        {
            OpenLive();
        }
    }

    /// <summary>Told of each statement the session runs: a rehearsal's recorder; none in a real run.</summary>
    internal IStatementObserver? Observer { get; set; }

    /// <summary>Runs one of FluentMigrator's statements, telling the <see cref="Observer"/> when there is one.</summary>
    protected override void Process(string sql)
    {
        if (Observer is not { } observer || Options.PreviewOnly || string.IsNullOrEmpty(sql))
        {
            base.Process(sql);
            return;
        }

        EnsureConnectionIsOpen();
        observer.Executing(this, sql);
        try
        {
            base.Process(sql);
        }
        catch (Exception e)
        {
            observer.Executed(this, sql, e);
            throw;
        }

        observer.Executed(this, sql, failure: null);
    }

    /// <summary>The session, opened when first asked for.</summary>
    public NpgsqlConnection Session => (NpgsqlConnection)Connection;

    /// <summary>The migration's transaction, when one is open.</summary>
    public NpgsqlTransaction? OpenTransaction => Transaction as NpgsqlTransaction;

    /// <summary>Whether the server closed the session (or the network cut it): nothing more can run on it.</summary>
    public bool IsLost => opened && PooledSessions.IsLost(Session);

    /// <summary>Whether <paramref name="failure"/> says the session ended (<see cref="PooledSessions.IsLost(NpgsqlConnection, Exception)"/>).</summary>
    public bool IsLostBy(Exception failure) => opened && PooledSessions.IsLost(Session, failure);

    /// <summary>A command on the session, in the migration's transaction when one is open, never cut off by a timeout.</summary>
    public NpgsqlCommand Command(string sql) => new(sql, Session, OpenTransaction) { CommandTimeout = 0 };

    /// <summary>
    /// Forgets the transaction of a lost session: the server rolled it back when the session ended, and Npgsql refuses
    /// to roll back a transaction whose connection broke (FluentMigrator's scope would throw trying).
    /// </summary>
    public void ForgetLostTransaction()
    {
        var transaction = Transaction;
        Transaction = null;
        try
        {
            transaction?.Dispose();
        }
        catch (Exception e) when (e is NpgsqlException or ObjectDisposedException or InvalidOperationException)
        {
            // Nothing is left of it on the server.
        }
    }

    /// <summary>
    /// Replaces a lost session with a new one. The pool is emptied first: the server ends idle sessions together
    /// (idle_session_timeout), and the pool would hand one of them out again.
    /// </summary>
    public void Reconnect()
    {
        ForgetLostTransaction();
        var lost = Session;
        NpgsqlConnection.ClearPool(lost);
        lost.Dispose();
        OpenLive();
    }

    /// <summary>
    /// A session from the pool, tried before it is used: the server may have ended it while it sat idle there
    /// (idle_session_timeout), and then the pool is emptied and a new one opened.
    /// </summary>
    private void OpenLive()
    {
        (Connection as IDisposable)?.Dispose();
        var live = PooledSessions.OpenLive(connectionString, session =>
        {
            using var ping = new NpgsqlCommand("SELECT 1", session);
            ping.ExecuteNonQuery();
        });
        live.Notice += ShowNotice;
        Connection = live;
        opened = true;
    }

    /// <summary>
    /// A notice a migration raised (<c>RAISE NOTICE</c>: a batched backfill's progress) is shown as it arrives, a warning
    /// as a warning; PostgreSQL's own remarks (<c>... does not exist, skipping</c>) only at the debug level.
    /// </summary>
    private void ShowNotice(object sender, NpgsqlNoticeEventArgs e)
    {
        var notice = e.Notice;
        if (notice.InvariantSeverity == "WARNING")
        {
            runnerLog.LogWarning("{Notice}", notice.MessageText);
        }
        else if (notice.Where?.Contains(" at RAISE", StringComparison.Ordinal) == true)
        {
            runnerLog.LogInformation("{Severity}: {Notice}", notice.InvariantSeverity, notice.MessageText);
        }
        else
        {
            runnerLog.LogDebug("{Severity}: {Notice}", notice.InvariantSeverity, notice.MessageText);
        }
    }
}
