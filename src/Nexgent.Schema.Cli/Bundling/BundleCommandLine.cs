using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Nexgent.Schema.Cli.Bundling;

/// <summary>
/// dotnet fm's command line as a bundle offers it: without the verbs that write a project or a bundle, without the
/// options that choose the migrations (they are in the file), and saying what it bundles in --help and --version.
/// </summary>
internal static class BundleCommandLine
{
    private static readonly string[] ProjectVerbs = ["new", "bundle"];

    private static readonly string[] MigrationChoices = ["--assembly", "--project", "--no-build"];

    public static Command Build(IReadOnlyList<Assembly> migrations)
    {
        var what = $"{string.Join(", ", migrations.Select(NameAndVersion))} with dotnet fm {VersionOf(typeof(FmCommandLine).Assembly)}, for {RuntimeInformation.RuntimeIdentifier}";
        // A command of its own, not the RootCommand named after the file: a bundle is often named after a verb
        // (./migrate), and a command line cannot hold two commands of one name.
        var bundle = FmCommandLine.AddTo(new Command(NameOfRoot(), $"A dotnet fm bundle of {what}: migrate and roll back PostgreSQL databases with the migrations built into this file, on a machine with no .NET installed.")
        {
            Options = { new HelpOption(), new VersionOption() },
        });
        foreach (var verb in VerbsOf(bundle))
        {
            foreach (var option in verb.Options.Where(o => MigrationChoices.Contains(o.Name)).ToList())
            {
                verb.Options.Remove(option);
            }
        }

        foreach (var verb in bundle.Subcommands.Where(c => ProjectVerbs.Contains(c.Name)).ToList())
        {
            bundle.Subcommands.Remove(verb);
        }

        bundle.Options.OfType<VersionOption>().Single().Action = new PrintLine($"dotnet fm bundle of {what}");
        return bundle;
    }

    private static IEnumerable<Command> VerbsOf(Command command) => command.Subcommands.SelectMany(verb => VerbsOf(verb).Prepend(verb));

    /// <summary>The file's name, as the usage line shows it; ./name when that is also a verb's.</summary>
    private static string NameOfRoot()
    {
        var name = RootCommand.ExecutableName;
        var verbs = FmCommandLine.Build().Subcommands;
        return verbs.Any(verb => verb.Name == name || verb.Aliases.Contains(name)) ? $".{Path.DirectorySeparatorChar}{name}" : name;
    }

    private static string NameAndVersion(Assembly assembly) => $"{assembly.GetName().Name} {VersionOf(assembly)}";

    /// <summary>The informational version without its source revision (+commit), else the assembly version.</summary>
    private static string VersionOf(Assembly assembly)
        => (assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? assembly.GetName().Version?.ToString() ?? "?")
            .Split('+')[0];

    private sealed class PrintLine(string line) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            Console.WriteLine(line);
            return ExitCodes.Success;
        }
    }
}
