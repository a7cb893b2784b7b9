namespace Nexgent.Schema.Cli;

/// <summary>The process exit codes of <c>dotnet fm</c>; the README lists them.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The command ran and failed: unreachable server, failed migration, unknown version...</summary>
    public const int Failure = 1;

    /// <summary>The command line itself is wrong: unknown verb or option, missing or malformed argument.</summary>
    public const int Usage = 2;
}
