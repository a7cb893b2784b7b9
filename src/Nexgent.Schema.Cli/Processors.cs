namespace Nexgent.Schema.Cli;

/// <summary>The names <c>-p</c> accepts: PostgreSQL, under each of FluentMigrator's names for its PostgreSQL processors.</summary>
internal static class Processors
{
    public const string PostgreSql = "PostgreSQL";

    /// <summary>FluentMigrator's processor ids for PostgreSQL (and one older spelling), matched without regard to case.</summary>
    public static readonly IReadOnlyList<string> Aliases = ["Postgres", "PostgreSQL15_0", "PostgreSQL11_0", "PostgreSQL10_0", "PostgreSQL92", "Postgres92", "Postgres15_0"];

    public static bool IsPostgres(string processor)
        => processor.Equals(PostgreSql, StringComparison.OrdinalIgnoreCase) || Aliases.Contains(processor, StringComparer.OrdinalIgnoreCase);
}
