using Nexgent.Schema.Cli.Loading;

namespace Nexgent.Schema.Cli.Bundling;

/// <summary>
/// Builds a bundle: the migrations (built, or as given), a <see cref="HostProject"/> in a temporary folder, and
/// <c>dotnet publish</c> of it as one self-contained, ReadyToRun executable, moved to the file asked for.
/// </summary>
internal static class BundleBuilder
{
    /// <param name="request">What to write.</param>
    /// <param name="migrationAssemblies">Builds or finds the migration assemblies, once the SDK is known to be there.</param>
    public static void Write(BundleRequest request, Func<IReadOnlyList<string>> migrationAssemblies)
    {
        var output = Path.GetFullPath(request.Output);
        if (Directory.Exists(output))
        {
            throw new CliException($"'{request.Output}' is a folder; give -o the path of the file to write, e.g. {Path.Combine(request.Output, "migrate")}.");
        }

        if (File.Exists(output) && !request.Force)
        {
            throw new CliException($"'{request.Output}' already exists; pass --force to overwrite it, or give -o another file.");
        }

        RequireSdk();
        var contents = BundleContents.For(migrationAssemblies());
        var what = $"{string.Join(", ", contents.MigrationNames)} for {request.Runtime}";
        var folder = Directory.CreateTempSubdirectory("dotnet-fm-bundle-").FullName;
        try
        {
            var project = HostProject.Write(folder, contents);
            Console.WriteLine($"Publishing a bundle of {what}...");
            var published = Publish(project, Path.Combine(folder, "publish"), request.Runtime);
            Directory.CreateDirectory(Path.GetDirectoryName(output)!);
            File.Move(published, output, overwrite: true);
        }
        finally
        {
            TryDelete(folder);
        }

        var run = Path.GetFileName(request.Output) == request.Output ? $".{Path.DirectorySeparatorChar}{request.Output}" : request.Output;
        Console.WriteLine($"Wrote {request.Output} ({new FileInfo(output).Length / (1024.0 * 1024.0):0} MB), a bundle of {what} that needs no .NET installed; run `{run} --help`.");
    }

    private static void RequireSdk()
    {
        var (exitCode, output) = DotnetCli.Run(["--version"], "Building a bundle needs the .NET SDK, and no dotnet was found on PATH; install the .NET SDK and run again.");
        if (exitCode != 0)
        {
            Console.Error.Write(output);
            throw new CliException($"Building a bundle needs the .NET SDK, and {DotnetCli.Program} has none it can use (see above); install the .NET SDK and run again.");
        }
    }

    /// <summary>Publishes the host project and returns the path of its one file; prints what dotnet said when it fails.</summary>
    private static string Publish(string project, string publishFolder, string runtime)
    {
        var (exitCode, output) = DotnetCli.Run(
            ["publish", project, "-c", "Release", "-r", runtime, "-o", publishFolder, "-nologo", "-v:q", "-tl:off"],
            "dotnet could not be started to publish the bundle; check that the .NET SDK is installed.");
        var executable = Directory.Exists(publishFolder)
            ? Directory.GetFiles(publishFolder, HostProject.AssemblyName + "*").SingleOrDefault(f => Path.GetExtension(f) is "" or ".exe")
            : null;
        if (exitCode != 0 || executable is null)
        {
            Console.Error.Write(output);
            throw new CliException($"Publishing the bundle for {runtime} failed; fix the errors above and run again.");
        }

        return executable;
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A temporary folder left behind is no reason to fail a bundle that was written.
        }
    }
}
