namespace Nexgent.Schema.Postgres;

/// <summary>Quoting for the few statements the building blocks write as SQL.</summary>
internal static class Sql
{
    public static string QuoteIdentifier(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

    public static string QuoteLiteral(string value) => "'" + value.Replace("'", "''") + "'";
}
