using System.CommandLine;

namespace Nexgent.Schema.Cli.Commands;

/// <summary><c>validate versions</c>: no pending migration sits below an applied one.</summary>
internal sealed class ValidateVersionsCommand : Command
{
    public ValidateVersionsCommand(SharedOptions options)
        : base("versions", "Check that no pending migration is older than an applied one.")
    {
        options.AddTo(this, options.Database, options.Migrations, options.FluentMigratorRefused);
        SetAction(parsed => CommandExecution.Run(parsed, options, runner =>
        {
            runner.ValidateVersions();
            Console.WriteLine("Versions are in order.");
        }));
    }
}
