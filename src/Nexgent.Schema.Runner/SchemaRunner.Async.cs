using FluentMigrator.Runner.Processors;
using Npgsql;

namespace Nexgent.Schema.Runner;

/// <summary>
/// The verbs a host application awaits. Cancelling stops the work on the server, not only in this process: the
/// statement running is cancelled there (its migration's transaction rolls back), no further migration starts, and
/// the database is left at a whole version, which the <see cref="OperationCanceledException"/> names.
/// </summary>
public sealed partial class SchemaRunner
{
    private CancellationToken cancellation;

    /// <inheritdoc cref="MigrateUp"/>
    public Task<MigrationResult> MigrateUpAsync(long? target = null, CancellationToken cancellationToken = default)
        => Cancellable(() => MigrateUp(target), cancellationToken);

    /// <inheritdoc cref="MigrateDown"/>
    public Task<MigrationResult> MigrateDownAsync(long target, CancellationToken cancellationToken = default)
        => Cancellable(() => MigrateDown(target), cancellationToken);

    /// <inheritdoc cref="RollbackBy"/>
    public Task<MigrationResult> RollbackByAsync(int count, CancellationToken cancellationToken = default)
        => Cancellable(() => RollbackBy(count), cancellationToken);

    /// <inheritdoc cref="Deploy"/>
    public Task<MigrationResult> DeployAsync(bool acceptDataLoss = false, string? backupFile = null, CancellationToken cancellationToken = default)
        => Cancellable(() => Deploy(acceptDataLoss, backupFile), cancellationToken);

    /// <inheritdoc cref="Status"/>
    public Task<SchemaStatus> StatusAsync(CancellationToken cancellationToken = default)
        => Cancellable(Status, cancellationToken);

    private Task<T> Cancellable<T>(Func<T> run, CancellationToken cancellationToken)
        => Task.Run(() =>
        {
            cancellation = cancellationToken;
            try
            {
                return run();
            }
            finally
            {
                cancellation = default;
            }
        }, cancellationToken);

    /// <summary>Applies or rolls back one migration; false when another runner did it meanwhile, and it was skipped.</summary>
    private bool ApplyUnlessCancelled(MigrationStep step, HashSet<long> applied)
    {
        var at = applied.DefaultIfEmpty(0).Max();
        if (cancellation.IsCancellationRequested)
        {
            throw new OperationCanceledException($"Cancelled before {step}; {database.Describe()} is at version {at}.", cancellation);
        }

        using var _ = cancellation.Register(CancelRunningStatement);
        try
        {
            return Apply(step, at);
        }
        catch (Exception e) when (cancellation.IsCancellationRequested && e is not OperationCanceledException)
        {
            throw new OperationCanceledException(
                Known[step.Version].TransactionBehavior == FluentMigrator.TransactionBehavior.None
                    ? $"Cancelled during {step}, which cannot run in a transaction: part of it may have stayed, and {database.Describe()} is marked dirty until you repair it and resolve it."
                    : $"Cancelled during {step}, which was rolled back; {database.Describe()} is at version {at}.",
                e,
                cancellation);
        }
    }

    /// <summary>Asks the server to cancel what FluentMigrator's connection is running, from a connection of its own.</summary>
    private void CancelRunningStatement()
    {
        if (!runner.IsValueCreated || FluentRunner.Processor is not GenericProcessorBase { Connection: NpgsqlConnection { State: System.Data.ConnectionState.Open } migrating })
        {
            return;
        }

        try
        {
            using var connection = new NpgsqlConnection(database.ConnectionString);
            connection.Open();
            using var cancel = new NpgsqlCommand("SELECT pg_cancel_backend(@pid)", connection);
            cancel.Parameters.AddWithValue("pid", migrating.ProcessID);
            cancel.ExecuteScalar();
        }
        catch (NpgsqlException)
        {
            // The statement ends with its session anyway; the step's own error reports what happened.
        }
    }
}
