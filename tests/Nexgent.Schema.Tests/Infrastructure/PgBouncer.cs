using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Infrastructure;

/// <summary>
/// A real PgBouncer in front of the test server, in the pool mode asked for, for the life of one test. Its binary comes
/// from Debian's <c>pgbouncer</c> package, which <c>.ci/run</c> installs; like PostgreSQL's, it refuses to run as root, so
/// as root it runs as the <c>postgres</c> OS user.
/// </summary>
public sealed class PgBouncer : IDisposable
{
    private const string Binary = "/usr/sbin/pgbouncer";

    private readonly Process process;
    private readonly string folder;

    private PgBouncer(Process process, string folder, int port)
    {
        this.process = process;
        this.folder = folder;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Starts PgBouncer with <c>pool_mode</c> <paramref name="mode"/> (session, transaction or statement).</summary>
    public static PgBouncer Start(string mode)
    {
        if (!File.Exists(Binary))
        {
            Assert.Fail($"PgBouncer is not installed ({Binary}); install it with `apt-get install pgbouncer` (.ci/run does).");
        }

        var server = new NpgsqlConnectionStringBuilder(TestServer.Current.AdminConnectionString);
        var folder = Directory.CreateTempSubdirectory("nexgent-schema-pgbouncer-").FullName;
        var port = FreePort();
        var settings = Path.Combine(folder, "pgbouncer.ini");
        File.WriteAllText(settings, $"""
            [databases]
            * = host={server.Host} port={server.Port} user={server.Username} password={server.Password}
            [pgbouncer]
            listen_addr = 127.0.0.1
            listen_port = {port}
            unix_socket_dir =
            auth_type = any
            pool_mode = {mode}
            default_pool_size = 4
            ignore_startup_parameters = extra_float_digits,options,search_path
            logfile = {Path.Combine(folder, "pgbouncer.log")}
            """);
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            Exec("chown", "-R", "postgres", folder);
        }

        var start = new ProcessStartInfo(asRoot ? "runuser" : Binary) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in asRoot ? ["-u", "postgres", "--", Binary, settings] : new[] { settings })
        {
            start.ArgumentList.Add(argument);
        }

        var bouncer = new PgBouncer(Process.Start(start)!, folder, port);
        bouncer.WaitUntilItListens();
        return bouncer;
    }

    /// <summary>The connection string of <paramref name="database"/>, through this pooler.</summary>
    public string ConnectionStringOf(TestDatabase database)
        => new NpgsqlConnectionStringBuilder(database.ConnectionString) { Host = "127.0.0.1", Port = Port }.ConnectionString;

    public void Dispose()
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        finally
        {
            process.Dispose();
            Directory.Delete(folder, recursive: true);
        }
    }

    private void WaitUntilItListens()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (process.HasExited)
            {
                Assert.Fail($"PgBouncer stopped at start: {process.StandardError.ReadToEnd()}{File.ReadAllText(Path.Combine(folder, "pgbouncer.log"))}");
            }

            try
            {
                using var client = new TcpClient("127.0.0.1", Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(100);
            }
        }

        Assert.Fail("PgBouncer did not listen within ten seconds.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Exec(string program, params string[] arguments)
    {
        using var run = Process.Start(program, arguments);
        run.WaitForExit();
    }
}
