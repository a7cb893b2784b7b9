using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Nexgent.Schema.Runner;
using Npgsql;

namespace Nexgent.Schema.Testing;

/// <summary>
/// A throwaway cluster made with the installed server binaries (<c>initdb</c>, <c>pg_ctl</c>) in a
/// temporary folder, on a free port, removed afterwards. As root it runs as the <c>postgres</c> OS
/// user, because PostgreSQL refuses to run as root.
/// </summary>
internal sealed class LocalClusterServer : IPostgresServer
{
    private readonly string binDirectory;
    private readonly string root;
    private readonly string? runAs;

    // TCP logins need this password (scram-sha-256), as on a real server, so that the tests can prove
    // a password never reaches the output and that a wrong one is explained.
    private readonly string password = "pw-" + Guid.NewGuid().ToString("N");

    private LocalClusterServer(string binDirectory, string root, int port, string? runAs)
    {
        this.binDirectory = binDirectory;
        this.root = root;
        this.runAs = runAs;
        AdminConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = "postgres",
            Password = password,
            Database = "postgres",
            Pooling = false,
        }.ConnectionString;
        Description = $"local cluster from {binDirectory} on port {port}";
    }

    public string Description { get; }

    public bool IsThrowaway => true;

    public string AdminConnectionString { get; }

    private string DataDirectory => Path.Combine(root, "data");

    /// <summary>Starts a cluster, or returns null when no PostgreSQL server binaries are installed.</summary>
    public static LocalClusterServer? TryStart()
    {
        var bin = Path.GetDirectoryName(PostgresTools.Find("initdb"));
        if (bin is null)
        {
            return null;
        }

        var runAs = Environment.UserName == "root" ? "postgres" : null;
        var root = Directory.CreateTempSubdirectory("nexgent-schema-pg-").FullName;
        var server = new LocalClusterServer(bin, root, FreePort(), runAs);
        try
        {
            server.Start();
        }
        catch
        {
            server.RemoveFiles();
            throw;
        }

        return server;
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            Run("pg_ctl", "-D", DataDirectory, "-m", "immediate", "-w", "stop");
        }
        finally
        {
            RemoveFiles();
        }

        return ValueTask.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Start()
    {
        if (runAs is not null)
        {
            Exec("chown", runAs, root);
        }

        var port = new NpgsqlConnectionStringBuilder(AdminConnectionString).Port;
        var passwordFile = Path.Combine(root, "pwfile");
        File.WriteAllText(passwordFile, password);
        if (runAs is not null)
        {
            Exec("chown", runAs, passwordFile);
        }

        Run("initdb", "-D", DataDirectory, "-U", "postgres", "--auth-local=trust", "--auth-host=scram-sha-256", $"--pwfile={passwordFile}", "-E", "UTF8", "--no-sync");
        File.Delete(passwordFile);
        Run("pg_ctl", "-D", DataDirectory, "-l", Path.Combine(root, "server.log"), "-w", "-t", "60", "-o",
            $"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c synchronous_commit=off -c max_connections=200 -c autovacuum=off",
            "start");
    }

    private void Run(string tool, params string[] arguments)
    {
        var program = Path.Combine(binDirectory, tool);
        if (runAs is null)
        {
            Exec(program, arguments);
        }
        else
        {
            Exec("runuser", ["-u", runAs, "--", program, .. arguments]);
        }
    }

    private void Exec(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{Path.GetFileName(program)} {string.Join(' ', arguments)} exited with {process.ExitCode}: {error}{output.Result}");
        }
    }

    private void RemoveFiles()
    {
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a dying server; the temporary folder is cleaned up by the OS.
        }
    }
}
