using System.CommandLine;

namespace Nexgent.Schema.Cli.Commands;

/// <summary><c>validate</c>: groups <c>validate versions</c>.</summary>
internal sealed class ValidateCommand : Command
{
    public ValidateCommand(GlobalOptions options)
        : base("validate", "Check things; see `validate versions`.")
    {
        Subcommands.Add(new ValidateVersionsCommand(options));
    }
}
