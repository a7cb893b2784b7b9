namespace Nexgent.Schema.Cli;

/// <summary>The process exit codes of <c>dotnet fm</c>; the README lists them.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The command ran and failed: unreachable server, failed migration, unknown version...</summary>
    public const int Failure = 1;

    /// <summary>The command line itself is wrong: unknown verb or option, missing or malformed argument.</summary>
    public const int Usage = 2;

    /// <summary><c>status</c>: the database is not up to date (pending, or applied migrations the assemblies lack).</summary>
    public const int NotUpToDate = 3;

    /// <summary><c>drift</c>: the schema differs from what the migrations build.</summary>
    public const int Drift = 4;

    /// <summary><c>deploy</c>: pending migrations would lose data and --accept-data-loss was not given; nothing was applied.</summary>
    public const int DataLossRefused = 5;

    /// <summary>
    /// <c>validate</c> (and <c>validate versions</c>): the checks ran and found problems, which it lists; distinct from
    /// <see cref="Failure"/>, where they could not run (no connection, no assembly).
    /// </summary>
    public const int ValidationFailed = 6;

    /// <summary>
    /// <c>lint</c>: it read the migrations and found lock hazards no migration accepts (or an acceptance naming no rule),
    /// which it lists; distinct from <see cref="Failure"/>, where it could not read them.
    /// </summary>
    public const int LockHazards = 7;

    /// <summary>Interrupted (Ctrl-C, SIGTERM): the running statement was cancelled on the server; 128 + SIGINT, as shells report it.</summary>
    public const int Cancelled = 130;
}
