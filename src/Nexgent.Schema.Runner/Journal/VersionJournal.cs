using Npgsql;

namespace Nexgent.Schema.Runner.Journal;

/// <summary>
/// What FluentMigrator's version table does not keep: the checksum of the SQL each migration generated when
/// it was applied (for <c>validate</c>), and the dirty state of a non-transactional migration that failed
/// midway. A table of its own, <c>"VersionJournal"</c>, beside the version table.
/// </summary>
internal sealed class VersionJournal(DatabaseConnection database)
{
    public const string TableName = "VersionJournal";

    /// <summary>The table, schema-qualified and quoted, for SQL.</summary>
    internal string Table => Identifier.Qualified(database.Schema, TableName);

    public IReadOnlyList<JournalEntry> ReadAll() => PooledSessions.Run(database, connection =>
    {
        if (!Exists(connection))
        {
            return (IReadOnlyList<JournalEntry>)[];
        }

        using var select = new NpgsqlCommand($"SELECT \"Version\", \"Checksum\", \"State\", \"Error\", \"UpdatedOn\" FROM {Table} ORDER BY 1", connection);
        using var reader = select.ExecuteReader();
        var entries = new List<JournalEntry>();
        while (reader.Read())
        {
            entries.Add(new JournalEntry(
                reader.GetInt64(0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                Enum.Parse<JournalState>(reader.GetString(2), ignoreCase: true),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetDateTime(4)));
        }

        return entries;
    });

    /// <summary>Records the state of a version on a session of its own, committed at once.</summary>
    public void Write(long version, JournalState state, string? checksum, string? error = null)
        => PooledSessions.Run(database, connection =>
        {
            using var upsert = Upsert(connection, transaction: null, version, state, checksum, error);
            upsert.ExecuteNonQuery();
        });

    /// <summary>
    /// Records the state of a version in the migration's session and, when one is open, its transaction: the row then
    /// commits with the migration and its version row, or not at all.
    /// </summary>
    public void Write(MigrationSession session, long version, JournalState state, string? checksum)
    {
        using var upsert = Upsert(session.Session, session.OpenTransaction, version, state, checksum, error: null);
        upsert.CommandTimeout = 0;
        upsert.ExecuteNonQuery();
    }

    /// <summary>Removes a version's row in the migration's transaction, with the version row FluentMigrator deletes.</summary>
    public void Remove(MigrationSession session, long version)
    {
        using var delete = session.Command($"{CreateTableSql};\nDELETE FROM {Table} WHERE \"Version\" = @version");
        delete.Parameters.AddWithValue("version", version);
        delete.ExecuteNonQuery();
    }

    /// <summary>The table is created by the first write, found by the others: one round trip per step.</summary>
    private NpgsqlCommand Upsert(NpgsqlConnection connection, NpgsqlTransaction? transaction, long version, JournalState state, string? checksum, string? error)
    {
        var upsert = new NpgsqlCommand($"{CreateTableSql};\n{UpsertSql("@version", "@checksum", "@state", "@error")}", connection, transaction);
        upsert.Parameters.AddWithValue("version", version);
        upsert.Parameters.AddWithValue("checksum", (object?)checksum ?? DBNull.Value);
        upsert.Parameters.AddWithValue("state", StateName(state));
        upsert.Parameters.AddWithValue("error", (object?)error ?? DBNull.Value);
        return upsert;
    }

    private bool Exists(NpgsqlConnection connection)
    {
        return TableLookup.Exists(connection, database.Schema, TableName);
    }

    /// <summary>How a state is written in the table.</summary>
    internal static string StateName(JournalState state) => state.ToString().ToLowerInvariant();

    /// <summary>
    /// The row of a version, inserted or updated, its values given as SQL: parameters when the runner writes it, literals
    /// in a script (<see cref="Scripting.MigrationScripter"/>), so that both write the same row. A checksum left NULL keeps
    /// the one recorded.
    /// </summary>
    internal string UpsertSql(string version, string checksum, string state, string error) => $"""
        INSERT INTO {Table} ("Version", "Checksum", "State", "Error", "UpdatedOn") VALUES ({version}, {checksum}, {state}, {error}, now())
        ON CONFLICT ("Version") DO UPDATE SET "Checksum" = coalesce(EXCLUDED."Checksum", {Table}."Checksum"),
            "State" = EXCLUDED."State", "Error" = EXCLUDED."Error", "UpdatedOn" = now()
        """;

    /// <summary>The table, created when missing: by the runner's first write, or a script before its first migration.</summary>
    internal string CreateTableSql => $"""
        CREATE TABLE IF NOT EXISTS {Table} (
            "Version"   bigint PRIMARY KEY,
            "Checksum"  char(64),
            "State"     varchar(10) NOT NULL,
            "Error"     text,
            "UpdatedOn" timestamptz NOT NULL DEFAULT now()
        )
        """;
}
