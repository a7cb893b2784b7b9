using FluentMigrator;
using Nexgent.Schema.Runner.Rehearsal;

namespace Nexgent.Schema.Runner;

/// <summary>Rehearsing a deploy on a copy of the database.</summary>
public sealed partial class SchemaRunner
{
    /// <summary>
    /// Rehearses <see cref="Deploy"/>: runs every pending migration on a copy of the database made for the purpose
    /// (on the same server, or on <paramref name="rehearseOn"/>), drops the copy, and reports each migration's time, its
    /// statements with the locks they took, and for how long each table's writes and reads were blocked. The database
    /// is only read. A deploy's refusal to lose data does not stop a rehearsal, which loses nothing: the report names the
    /// migrations a deploy would refuse. A migration that fails is reported, and the ones after it do not run.
    /// </summary>
    /// <param name="rehearseOn">
    /// A server to make the copy on instead of the database's own: a connection string or URL naming one of its
    /// databases to connect to, with a user that may create databases.
    /// </param>
    public RehearsalReport RehearseDeploy(string? rehearseOn = null)
    {
        RefuseDirty();
        var applied = AppliedVersions();
        var steps = DeploySteps(applied);
        return new DeployRehearsal(database, options.Value, logger, cancellation)
            .Run(steps, version => Known[version].TransactionBehavior == TransactionBehavior.Default, applied.DefaultIfEmpty(0).Max(), rehearseOn);
    }

    /// <inheritdoc cref="RehearseDeploy"/>
    public Task<RehearsalReport> RehearseDeployAsync(string? rehearseOn = null, CancellationToken cancellationToken = default)
        => Cancellable(() => RehearseDeploy(rehearseOn), cancellationToken);
}
