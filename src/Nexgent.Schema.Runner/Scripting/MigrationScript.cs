using FluentMigrator;

namespace Nexgent.Schema.Runner.Scripting;

/// <summary>
/// A script <see cref="MigrationScripter"/> wrote: its SQL, for psql, and what it does: the migrations of
/// <see cref="Steps"/>, in order, on the schema <see cref="Schema"/>, taking it from version <see cref="From"/> to
/// <see cref="To"/>.
/// </summary>
public sealed record MigrationScript(
    string Sql,
    string Schema,
    long From,
    long To,
    MigrationDirection Direction,
    bool Idempotent,
    IReadOnlyList<MigrationStep> Steps)
{
    /// <summary>
    /// Writes the script to <paramref name="file"/>, UTF-8 without a byte-order mark, as psql reads it; a file that
    /// cannot be written is one sentence (<see cref="SqlOutputFileException"/>).
    /// </summary>
    public void WriteTo(string file)
    {
        using var writer = SqlLogging.Open(file);
        writer.Write(Sql);
    }
}
