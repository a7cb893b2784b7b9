using System.Text;
using FluentMigrator.Runner.Generators.Postgres;
using FluentMigrator.Runner.Processors.Postgres;

namespace Nexgent.Schema.Runner;

/// <summary>
/// The one way the runner writes a name into SQL: FluentMigrator's own <see cref="PostgresQuoter"/>, so that the
/// statements the runner writes and the ones FluentMigrator generates for the same schema name the same schema.
/// Names compared as values (in catalog queries) go as parameters instead.
/// </summary>
internal static class Identifier
{
    /// <summary>PostgreSQL's NAMEDATALEN less its terminator: a longer name is cut, silently, to this many bytes.</summary>
    public const int MaxBytes = 63;

    private static readonly PostgresQuoter Quoter = new(new PostgresOptions());

    /// <summary>The name in double quotes, its own double quotes doubled: <c>"MixedCase"</c>, <c>"with space"</c>.</summary>
    public static string Quote(string name) => Quoter.Quote(name);

    /// <summary>A name in a schema: <c>"schema"."name"</c>.</summary>
    public static string Qualified(string schema, string name) => Quoter.QuoteTableName(name, schema);

    /// <summary>Why PostgreSQL (or FluentMigrator) cannot take <paramref name="name"/> as it is; null when it can.</summary>
    public static string? Unusable(string name)
    {
        var bytes = Encoding.UTF8.GetByteCount(name);
        if (name.Length == 0)
        {
            return "it is empty";
        }

        if (name.Contains('\0'))
        {
            return "it contains a NUL character, which no PostgreSQL name can hold";
        }

        if (bytes > MaxBytes)
        {
            return $"it is {bytes} bytes long and PostgreSQL names hold at most {MaxBytes}";
        }

        // FluentMigrator's quoter leaves such a name as it is, taking it for one already quoted.
        return name[0] == '"' && name[^1] == '"'
            ? "it begins and ends with a double quote, which FluentMigrator takes for a name already quoted"
            : null;
    }

    /// <summary><paramref name="name"/> cut to at most <paramref name="maxBytes"/> bytes of UTF-8, never inside a character.</summary>
    public static string Truncated(string name, int maxBytes)
    {
        var length = name.Length;
        while (Encoding.UTF8.GetByteCount(name.AsSpan(0, length)) > maxBytes)
        {
            length--;
        }

        if (length > 0 && char.IsHighSurrogate(name[length - 1]))
        {
            length--;
        }

        return name[..length];
    }
}
