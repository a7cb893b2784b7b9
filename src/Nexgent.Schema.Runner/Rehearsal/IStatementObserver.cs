namespace Nexgent.Schema.Runner.Rehearsal;

/// <summary>
/// Told of each migration the runner applies and of each statement its session runs (<see cref="MigrationSession"/>):
/// a rehearsal records their times and locks through it. A real run has none.
/// </summary>
internal interface IStatementObserver
{
    /// <summary>A migration begins; disposing the result marks its end, after its commit or rollback.</summary>
    IDisposable Observe(MigrationStep step, bool transactional);

    /// <summary>A statement is about to run on <paramref name="session"/>, which is open.</summary>
    void Executing(MigrationSession session, string sql);

    /// <summary>
    /// The statement ended (<paramref name="failure"/> when it failed). Called on the session right after it, in the
    /// migration's transaction when there is one, so that what the statement holds can still be read there.
    /// </summary>
    void Executed(MigrationSession session, string sql, Exception? failure);
}
