using System.Data.Common;
using Npgsql;

namespace Nexgent.Schema.Runner;

/// <summary>
/// An Npgsql connection string, <c>Host=db;Username=nexgent;Password=secret;Database=nexgent;Search Path=public</c>.
/// The schema is the first of its search path, read as PostgreSQL reads it.
/// </summary>
internal static class ConnectionKeywords
{
    private const string NotPairs = "it is not a list of keyword=value pairs separated by semicolons";

    public static (NpgsqlConnectionStringBuilder Builder, string Schema) Parse(string value)
    {
        RequireKnownKeywords(value);
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(value);
        }
        catch (ArgumentException e)
        {
            // Every keyword is known by now, so the one named is no part of a password; its value is never quoted.
            throw DatabaseConnection.Malformed(e.ParamName is { Length: > 0 } keyword ? $"invalid value for '{keyword}'" : NotPairs);
        }

        if (string.IsNullOrEmpty(builder.Host))
        {
            throw DatabaseConnection.Malformed("it names no host");
        }

        string schema;
        try
        {
            schema = builder.SearchPath is { } searchPath ? SearchPath.FirstSchema(searchPath) ?? DatabaseConnection.DefaultSchema : DatabaseConnection.DefaultSchema;
        }
        catch (FormatException)
        {
            throw DatabaseConnection.Malformed("its Search Path is not a list of schema names separated by commas");
        }

        return (builder, schema);
    }

    /// <summary>
    /// Names an unknown keyword, unless it follows the password: then it is likely the rest of a password that
    /// holds a semicolon, and naming it would show part of the password.
    /// </summary>
    private static void RequireKnownKeywords(string value)
    {
        var pairs = new DbConnectionStringBuilder();
        try
        {
            pairs.ConnectionString = value;
        }
        catch (ArgumentException)
        {
            throw DatabaseConnection.Malformed(NotPairs);
        }

        var npgsql = new NpgsqlConnectionStringBuilder();
        string? previous = null;
        foreach (string keyword in pairs.Keys)
        {
            if (!npgsql.ContainsKey(keyword))
            {
                throw DatabaseConnection.Malformed(IsPassword(previous)
                    ? "what follows the password is not a keyword Npgsql knows; a password that holds a semicolon goes in double quotes, Password=\"...\""
                    : $"unknown keyword '{keyword}'");
            }

            previous = keyword;
        }
    }

    private static bool IsPassword(string? keyword) => keyword is "password" or "psw" or "pwd" or "ssl password" or "sslpassword";
}
