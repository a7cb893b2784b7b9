using System.CommandLine;
using Nexgent.Schema.Runner;
using Nexgent.Schema.Runner.Safety;

namespace Nexgent.Schema.Cli.Commands;

/// <summary><c>reset</c>: drop every object of the schema and apply every migration again, after confirmation.</summary>
internal sealed class ResetCommand : Command
{
    private readonly Option<bool> force = new("--force", "-f")
    {
        Description = "Do not ask for confirmation (needed when not run from a terminal).",
    };

    private readonly Option<bool> production = new("--i-know-this-is-production")
    {
        Description = "With --force: reset even though DOTNET_ENVIRONMENT, ASPNETCORE_ENVIRONMENT or NODE_ENV says Production.",
    };

    public ResetCommand(SharedOptions options)
        : base("reset", "Drop every object of the schema (all data is lost) and apply every migration again.")
    {
        options.AddTo(this, options.Database, options.Migrations, options.Run, options.Up, [force, production]);
        SetAction(parsed => CommandExecution.Run(parsed, options, runner =>
        {
            if (!parsed.GetValue(options.Preview))
            {
                Confirm(runner.Database, parsed.GetValue(force), parsed.GetValue(production));
            }

            runner.Reset();
            return ExitCodes.Success;
        }));
    }

    private static void Confirm(DatabaseConnection database, bool force, bool isProductionConfirmed)
    {
        if (ProductionGuard.ProductionVariable() is { } variable && !(force && isProductionConfirmed))
        {
            throw new SchemaRunnerException(
                $"Refusing to reset {database.Describe()}: {variable} says this is production. If you really mean to erase it, pass --force --i-know-this-is-production.");
        }

        if (force)
        {
            return;
        }

        if (Console.IsInputRedirected)
        {
            throw new SchemaRunnerException(
                $"reset erases every row of {database.Describe()} and needs confirmation; run it from a terminal, or pass --force.");
        }

        Console.Write($"This drops every table, type and row of {database.Describe()}. Type the database name ({database.Database}) to continue: ");
        if (Console.ReadLine()?.Trim() != database.Database)
        {
            throw new SchemaRunnerException("Reset cancelled: the name did not match; nothing was changed.");
        }
    }
}
