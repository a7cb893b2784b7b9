using Npgsql;

using Nexgent.Schema.Tests;

namespace Nexgent.Schema.Tests.Infrastructure;

/// <summary>Statements on the test server's maintenance database (CREATE / DROP DATABASE).</summary>
internal static class Admin
{
    public static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(TestServer.Current.AdminConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
