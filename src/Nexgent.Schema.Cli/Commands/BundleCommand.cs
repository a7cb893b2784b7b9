using System.CommandLine;
using System.Runtime.InteropServices;
using Nexgent.Schema.Cli.Bundling;
using Nexgent.Schema.Cli.Loading;

namespace Nexgent.Schema.Cli.Commands;

/// <summary>
/// <c>bundle -o FILE</c>: one self-contained executable of dotnet fm and the migrations, that runs every verb on a
/// machine with no .NET installed. Building it needs the .NET SDK; running it does not.
/// </summary>
internal sealed class BundleCommand : Command
{
    // Its own -o, a file to write, in place of the global --output (the SQL of a run), which bundle never writes.
    private readonly Option<string> output = new("--output", "-o")
    {
        Description = "The executable to write, e.g. ./migrate (migrate.exe for Windows).",
        Required = true,
    };

    private readonly Option<string> runtime = new("--runtime", "-r")
    {
        Description = $"The platform the bundle runs on, as a .NET runtime identifier: linux-x64, linux-arm64, linux-musl-x64 (Alpine), win-x64, osx-arm64... Default: this machine's, {RuntimeInformation.RuntimeIdentifier}.",
        DefaultValueFactory = _ => RuntimeInformation.RuntimeIdentifier,
    };

    private readonly Option<bool> force = new("--force") { Description = "Overwrite the file given with -o when it exists." };

    public BundleCommand(SharedOptions options)
        : base("bundle", "Write one self-contained executable holding dotnet fm and the migrations (the migrations project, built in Release, or -a), that runs every verb with no .NET installed; building it needs the .NET SDK.")
    {
        options.AddTo(this, [options.Assemblies, options.Project, options.NoBuild, output, runtime, force]);
        SetAction(parsed => CommandExecution.Guarded(parsed, options, () =>
        {
            var request = new BundleRequest(parsed.GetValue(output)!, parsed.GetValue(runtime)!, parsed.GetValue(force));
            var assemblies = parsed.GetValue(options.Assemblies) ?? [];
            BundleBuilder.Write(request, () => assemblies.Length > 0
                ? assemblies
                : [MigrationsProject.Locate(parsed.GetValue(options.Project), Environment.CurrentDirectory).BuildAssemblyForBundle(build: !parsed.GetValue(options.NoBuild))]);
            return ExitCodes.Success;
        }));
    }
}
