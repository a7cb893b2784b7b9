namespace Nexgent.Schema.Runner;

/// <summary>
/// A runner made with no database (<see cref="SchemaRunnerOptions.NoConnection"/>) was asked for something only a
/// database can answer (what is applied, the rows of a table...). Nothing was connected to.
/// </summary>
public sealed class NoDatabaseException(string schema)
    : SchemaRunnerException("There is no database to ask: this runner was made without a connection, for what reads only the migrations' code (lint, their SQL); give it a connection string for this.")
{
    /// <summary>The schema the runner writes its SQL for.</summary>
    public string Schema { get; } = schema;
}
