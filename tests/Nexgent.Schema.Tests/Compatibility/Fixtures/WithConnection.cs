// Execute.WithConnection: code run on the migration's connection and transaction, which reads the database and
// decides what to write from what it finds.
using System.Collections.Generic;
using System.Data;
using System.Linq;
using FluentMigrator;

namespace Compat.Connection;

[Migration(1, "CreateCounters")]
public sealed class CreateCounters : Migration
{
    public override void Up()
    {
        Create.Table("counters")
            .WithColumn("name").AsString(50).NotNullable().PrimaryKey()
            .WithColumn("value").AsInt32().NotNullable();
        Execute.WithConnection((connection, transaction) =>
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "INSERT INTO counters (name, value) VALUES ('visits', 0), ('orders', 0)";
            command.ExecuteNonQuery();
        });
    }

    public override void Down()
    {
        Delete.Table("counters");
    }
}

[Migration(2, "CreateOneColumnPerCounter")]
public sealed class CreateOneColumnPerCounter : Migration
{
    public override void Up()
    {
        Execute.WithConnection(CreateWideTable, "one column per counter found in counters");
    }

    public override void Down()
    {
        Execute.WithConnection((connection, transaction) => Run(connection, transaction, "DROP TABLE counter_totals"));
    }

    private static void CreateWideTable(IDbConnection connection, IDbTransaction transaction)
    {
        var names = new List<string>();
        using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT name FROM counters ORDER BY name";
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                names.Add(reader.GetString(0));
            }
        }

        Run(connection, transaction, $"CREATE TABLE counter_totals ({string.Join(", ", names.Select(n => n + " bigint NOT NULL DEFAULT 0"))})");
    }

    private static void Run(IDbConnection connection, IDbTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
