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
    public static int Run(ParseResult parsed, GlobalOptions options, Func<SchemaRunner, int> verb)
        => Run(parsed, options, (SchemaRunnerScope scope) => verb(scope.Runner));

    /// <summary>For verbs that need more of the runner library than <see cref="SchemaRunner"/>.</summary>
    public static int Run(ParseResult parsed, GlobalOptions options, Func<SchemaRunnerScope, int> verb)
        => Guarded(parsed, options, () =>
        {
            using var scope = RunnerFactory.Create(parsed, options);
            return verb(scope);
        });

    /// <summary>Runs a verb that needs no database, with the same error handling.</summary>
    public static int Guarded(ParseResult parsed, GlobalOptions options, Func<int> verb)
    {
        var verbose = parsed.GetValue(options.Verbose);
        try
        {
            return verb();
        }
        catch (DataLossRefusedException e)
        {
            Fail(e.Message, e, verbose);
            return ExitCodes.DataLossRefused;
        }
        catch (SchemaRunnerException e)
        {
            return Fail(e.Message, e, verbose);
        }
        catch (Exception e)
        {
            return Fail($"Unexpected failure: {e.Message.Split('\n')[0].TrimEnd('.')}; run again with --verbose for details.", e, verbose);
        }
    }

    /// <summary>For verbs that report with the runner's log and succeed when they do not throw.</summary>
    public static int Run(ParseResult parsed, GlobalOptions options, Action<SchemaRunner> verb)
        => Run(parsed, options, runner =>
        {
            verb(runner);
            return ExitCodes.Success;
        });

    private static int Fail(string message, Exception exception, bool verbose)
    {
        Console.Error.WriteLine($"error: {message}");
        if (verbose)
        {
            Console.Error.WriteLine(exception);
        }

        return ExitCodes.Failure;
    }
}
