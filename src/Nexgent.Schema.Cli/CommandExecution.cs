using System.CommandLine;
using Nexgent.Schema.Runner;
using Nexgent.Schema.Runner.Safety;

namespace Nexgent.Schema.Cli;

/// <summary>
/// Runs a verb against a <see cref="SchemaRunner"/> and turns any failure into one line (with PostgreSQL's labelled
/// lines under it, when it said more) and an exit code.
/// </summary>
internal static class CommandExecution
{
    public static int Run(ParseResult parsed, SharedOptions options, Func<SchemaRunner, int> verb)
        => Run(parsed, options, (SchemaRunnerScope scope) => verb(scope.Runner));

    /// <summary>For verbs that need more of the runner library than <see cref="SchemaRunner"/>.</summary>
    public static int Run(ParseResult parsed, SharedOptions options, Func<SchemaRunnerScope, int> verb)
        => Guarded(parsed, options, () =>
        {
            using var scope = RunnerFactory.Create(parsed, options);
            return verb(scope);
        });

    /// <summary>
    /// For verbs that change the schema: Ctrl-C, SIGTERM or a pipeline's cancellation cancels the statement running on
    /// the server, starts no further migration, and leaves the database at a whole version, which the error names.
    /// </summary>
    public static Task<int> RunCancellable(ParseResult parsed, SharedOptions options, CancellationToken cancellation, Func<SchemaRunner, CancellationToken, Task> verb)
        => RunCancellable(parsed, options, cancellation, async (SchemaRunnerScope scope, CancellationToken token) =>
        {
            await verb(scope.Runner, token);
            return ExitCodes.Success;
        });

    /// <summary>
    /// For verbs that need more of the runner library and can be interrupted: a drift or a baseline stops building its
    /// shadow database on the server and drops it.
    /// </summary>
    public static async Task<int> RunCancellable(ParseResult parsed, SharedOptions options, CancellationToken cancellation, Func<SchemaRunnerScope, CancellationToken, Task<int>> verb)
    {
        try
        {
            using var scope = RunnerFactory.Create(parsed, options);
            return await verb(scope, cancellation);
        }
        catch (Exception e)
        {
            return Report(e, parsed, options);
        }
    }

    /// <summary>
    /// For verbs that make scratch databases with no runner (import-prisma, new --from-db). The verb runs off the
    /// invoking thread: System.CommandLine listens for Ctrl-C and SIGTERM only once the action has returned its task,
    /// and then cancels <paramref name="cancellation"/>, which the verb's scratch work turns into one sentence (exit 130).
    /// </summary>
    public static Task<int> GuardedCancellable(ParseResult parsed, SharedOptions options, CancellationToken cancellation, Func<CancellationToken, int> verb)
        => Task.Run(() => Guarded(parsed, options, () => verb(cancellation)), CancellationToken.None);

    /// <summary>Runs a verb that needs no database, with the same error handling.</summary>
    public static int Guarded(ParseResult parsed, SharedOptions options, Func<int> verb)
    {
        try
        {
            return verb();
        }
        catch (Exception e)
        {
            return Report(e, parsed, options);
        }
    }

    private static int Report(Exception failure, ParseResult parsed, SharedOptions options)
    {
        var (sentence, exitCode) = Failures.Describe(failure);
        Console.Error.WriteLine($"error: {Printable.Text(sentence)}");
        if (parsed.GetValue(options.Verbose))
        {
            Console.Error.WriteLine(Printable.Text(failure.ToString()));
        }

        return exitCode;
    }

    /// <summary>For verbs that report with the runner's log and succeed when they do not throw.</summary>
    public static int Run(ParseResult parsed, SharedOptions options, Action<SchemaRunner> verb)
        => Run(parsed, options, runner =>
        {
            verb(runner);
            return ExitCodes.Success;
        });
}
