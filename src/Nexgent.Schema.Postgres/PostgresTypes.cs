namespace Nexgent.Schema.Postgres;

/// <summary>PostgreSQL column types FluentMigrator has no helper for, spelled as Prisma spells them.</summary>
public static class PostgresTypes
{
    public const string Text = "text";
    public const string Jsonb = "jsonb";
    public const string TextArray = "text[]";
    public const string Serial = "SERIAL";
    public const string TimestampTz = "timestamptz";

    public static string TimestampTzWithPrecision(int precision) => $"timestamptz({precision})";

    public static string Numeric(int precision, int scale) => $"numeric({precision},{scale})";

    /// <summary>An enum type name, quoted because Prisma keeps its mixed case (<c>"TransactionType"</c>).</summary>
    public static string Enum(string typeName) => Sql.QuoteIdentifier(typeName);
}
