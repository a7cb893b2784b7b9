using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Nexgent.Schema.Runner.Drift;

/// <summary>
/// A temporary database beside the target, on the same server and with the same credentials, that the
/// migrations build from scratch so its catalog can be compared with the target's. Dropped on dispose; one left by a
/// run that was killed (its name carries when it was made) is dropped by the next run on the same target.
/// </summary>
internal sealed class ShadowDatabase : IDisposable
{
    private readonly DatabaseConnection target;

    private ShadowDatabase(DatabaseConnection target, string name)
    {
        this.target = target;
        Name = name;
        Connection = target.WithDatabase(name);
    }

    public string Name { get; }

    public DatabaseConnection Connection { get; }

    /// <summary>How old a shadow database with no session must be before a later run takes it for abandoned.</summary>
    private static readonly TimeSpan Abandoned = TimeSpan.FromMinutes(10);

    private const string Marker = "_shadow_";

    /// <summary>
    /// A new shadow database on <paramref name="target"/>'s server, with the encoding and locale of
    /// <paramref name="like"/> (by default the target itself): a copy of its rows restores there, and text sorts there
    /// as it does in the original.
    /// </summary>
    public static ShadowDatabase Create(DatabaseConnection target, CancellationToken cancellationToken = default, DatabaseConnection? like = null)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var prefix = Prefix(target);
        DropAbandoned(target, prefix);
        var name = $"{prefix}{DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)}_{Guid.NewGuid().ToString("N")[..8]}";
        try
        {
            Execute(target, $"CREATE DATABASE {Identifier.Quote(name)} TEMPLATE template0{LocaleOf(like ?? target)}", cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == "42501")
        {
            throw new SchemaRunnerException(
                $"User '{target.Username}' may not create the temporary shadow database the comparison needs; grant it CREATEDB (ALTER ROLE {Identifier.Quote(target.Username ?? "")} CREATEDB) or run with a user that has it.", e);
        }

        var shadow = new ShadowDatabase(target, name);
        try
        {
            CopyDefaultPrivileges(target, shadow.Connection, cancellationToken);
        }
        catch
        {
            shadow.Dispose();
            throw;
        }

        return shadow;
    }

    /// <summary>
    /// The default privileges the connecting role set in <paramref name="target"/> (<c>ALTER DEFAULT PRIVILEGES</c>, on its
    /// own or in the target's schema), set alike in <paramref name="shadow"/>: the objects the migrations create get the
    /// same grants on both sides, as they do from the role that runs them. A role's entry of its own replaces the
    /// built-in defaults, so those are revoked first; an entry of a schema adds to them.
    /// </summary>
    private static void CopyDefaultPrivileges(DatabaseConnection target, DatabaseConnection shadow, CancellationToken cancellationToken)
    {
        var statements = new List<string>();
        using (var connection = new NpgsqlConnection(target.ConnectionString))
        {
            connection.Open();
            using var read = new NpgsqlCommand("""
                SELECT n.nspname, d.defaclobjtype::text,
                       CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END,
                       a.privilege_type, a.is_grantable
                  FROM pg_default_acl d
                  LEFT JOIN pg_namespace n ON n.oid = d.defaclnamespace
                  LEFT JOIN LATERAL aclexplode(d.defaclacl) a ON true
                 WHERE pg_get_userbyid(d.defaclrole) = current_user AND (d.defaclnamespace = 0 OR n.nspname = @schema)
                 ORDER BY d.defaclnamespace, 2, 3, 4
                """, connection);
            read.Parameters.AddWithValue("schema", target.Schema);
            using var reader = read.ExecuteReader();
            var revoked = new HashSet<string>();
            while (reader.Read())
            {
                var objects = reader.GetString(1) switch { "r" => "TABLES", "S" => "SEQUENCES", "f" => "FUNCTIONS", "T" => "TYPES", _ => "SCHEMAS" };
                var inSchema = reader.IsDBNull(0) ? "" : $" IN SCHEMA {Identifier.Quote(reader.GetString(0))}";
                if (inSchema.Length == 0 && revoked.Add(objects))
                {
                    statements.Add($"ALTER DEFAULT PRIVILEGES REVOKE ALL ON {objects} FROM PUBLIC, CURRENT_USER");
                }

                if (!reader.IsDBNull(2))
                {
                    statements.Add($"ALTER DEFAULT PRIVILEGES{inSchema} GRANT {reader.GetString(3)} ON {objects} TO {reader.GetString(2)}{(reader.GetBoolean(4) ? " WITH GRANT OPTION" : "")}");
                }
            }
        }

        if (statements.Count == 0)
        {
            return;
        }

        if (target.Schema != "public")
        {
            statements.Insert(0, $"CREATE SCHEMA IF NOT EXISTS {Identifier.Quote(target.Schema)}");
        }

        Execute(shadow, string.Join(";\n", statements), cancellationToken);
    }

    /// <summary>
    /// Runs the work of a verb that makes shadow (scratch) databases: drift, baseline, <c>new --from-db</c>,
    /// <c>import-prisma</c> and <c>deploy --rehearse</c>. The work passes <paramref name="cancellationToken"/> to every
    /// statement it runs, so that cancelling cancels the running one on the server, and disposes each database it makes,
    /// which drops it as the work unwinds. A cancellation then comes out as one
    /// <see cref="OperationCanceledException"/>: "Cancelled " and <paramref name="cancelled"/>, which says what was
    /// cancelled and that nothing was written or changed (the CLI prints it and exits 130).
    /// </summary>
    public static T Cancellable<T>(Func<T> work, Func<string> cancelled, CancellationToken cancellationToken)
    {
        try
        {
            return work();
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException($"Cancelled {cancelled()}", e, cancellationToken);
        }
    }

    public void Dispose()
    {
        try
        {
            Execute(target, $"DROP DATABASE IF EXISTS {Identifier.Quote(Name)} WITH (FORCE)");
        }
        catch (NpgsqlException)
        {
            // Leave it rather than hide the real outcome; its name says what it is.
        }
    }

    /// <summary>The target's name, cut so that the whole shadow name fits PostgreSQL's 63 bytes, and the marker.</summary>
    private static string Prefix(DatabaseConnection target)
        => Identifier.Truncated(target.Database ?? "db", Identifier.MaxBytes - (Marker.Length + 14 + 1 + 8)) + Marker;

    /// <summary>Drops this target's shadow databases that a killed run left: older than <see cref="Abandoned"/>, no session.</summary>
    private static void DropAbandoned(DatabaseConnection target, string prefix)
    {
        var pattern = new Regex($@"^{Regex.Escape(prefix)}(\d{{14}})_[0-9a-f]{{8}}$");
        try
        {
            using var connection = new NpgsqlConnection(target.ConnectionString);
            connection.Open();
            var leftovers = new List<string>();
            using (var find = new NpgsqlCommand(
                "SELECT d.datname FROM pg_database d WHERE strpos(d.datname, @marker) > 0 AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datname = d.datname)",
                connection))
            {
                find.Parameters.AddWithValue("marker", Marker);
                using var reader = find.ExecuteReader();
                while (reader.Read())
                {
                    leftovers.Add(reader.GetString(0));
                }
            }

            foreach (var name in leftovers.Where(n => pattern.Match(n) is { Success: true } m && IsOld(m.Groups[1].Value)))
            {
                using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Identifier.Quote(name)}", connection);
                drop.ExecuteNonQuery();
            }
        }
        catch (NpgsqlException)
        {
            // Another user's, or in use after all: it is left for a later run; the comparison goes on.
        }
    }

    private static bool IsOld(string madeAt)
        => DateTime.TryParseExact(madeAt, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var made)
           && DateTime.UtcNow - made > Abandoned;

    /// <summary>
    /// The encoding and locale clauses of CREATE DATABASE that make a database like <paramref name="source"/>'s. The
    /// provider columns are read through to_jsonb: PostgreSQL 14 has none, and 17 renamed daticulocale to datlocale.
    /// </summary>
    private static string LocaleOf(DatabaseConnection source)
    {
        using var connection = new NpgsqlConnection(source.ConnectionString);
        connection.Open();
        using var read = new NpgsqlCommand("""
            SELECT pg_encoding_to_char(d.encoding), d.datcollate, d.datctype,
                   coalesce(to_jsonb(d) ->> 'datlocprovider', 'c'),
                   coalesce(to_jsonb(d) ->> 'datlocale', to_jsonb(d) ->> 'daticulocale')
              FROM pg_database d WHERE d.datname = current_database()
            """, connection);
        using var reader = read.ExecuteReader();
        reader.Read();
        var clauses = $" ENCODING {Scripting.Psql.Literal(reader.GetString(0))} LC_COLLATE {Scripting.Psql.Literal(reader.GetString(1))} LC_CTYPE {Scripting.Psql.Literal(reader.GetString(2))}";
        return reader.GetString(3) == "i" && !reader.IsDBNull(4)
            ? $"{clauses} LOCALE_PROVIDER icu ICU_LOCALE {Scripting.Psql.Literal(reader.GetString(4))}"
            : clauses;
    }

    /// <summary>Runs one statement; cancelling cancels it on the server (a half-made database is not left behind).</summary>
    private static void Execute(DatabaseConnection database, string sql, CancellationToken cancellationToken = default)
    {
        using var connection = new NpgsqlConnection(database.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        using var _ = cancellationToken.Register(command.Cancel);
        command.ExecuteNonQuery();
    }
}
