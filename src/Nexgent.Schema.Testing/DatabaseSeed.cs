namespace Nexgent.Schema.Testing;

/// <summary>
/// Rows for template databases: <paramref name="Sql"/> runs once the migrations reach <paramref name="AtVersion"/> (their
/// first version when null), and the later migrations carry the rows, as a production database's rows would be.
/// </summary>
public sealed record DatabaseSeed(string Sql, long? AtVersion = null);
