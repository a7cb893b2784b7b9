using System.Net.Sockets;

namespace Nexgent.Schema.Testing;

/// <summary>Whether a Docker engine answers, asked cheaply before Testcontainers is.</summary>
internal static class DockerEngine
{
    public static bool IsReachable()
    {
        var host = Environment.GetEnvironmentVariable("DOCKER_HOST");
        if (host is { Length: > 0 } && !host.StartsWith("unix://", StringComparison.Ordinal))
        {
            return true; // a TCP or SSH engine: let Testcontainers find out
        }

        var socket = host is { Length: > 0 } ? host["unix://".Length..] : "/var/run/docker.sock";
        if (!File.Exists(socket))
        {
            return false;
        }

        try
        {
            using var client = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            client.Connect(new UnixDomainSocketEndPoint(socket));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
