using Nexgent.Schema.Cli;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Cli;

/// <summary>
/// <c>dotnet fm new</c> writes the namespace the .NET SDK's conventions give a class in that project and folder: the
/// root namespace with its dots (an explicit &lt;RootNamespace&gt; first), then the folders, each part made an identifier
/// C# accepts. Without Nexgent.Schema.Postgres the class is plain FluentMigrator. Every project then builds.
/// </summary>
public sealed class NewNamespaceTests
{
    [Test]
    public void New_writes_a_namespace_csharp_accepts_and_every_project_builds()
    {
        var root = Path.Combine(TestContext.CurrentContext.TestDirectory, "namespaces-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var expected = new Dictionary<string, string>
            {
                [New(root, "Shop.Migrations")] = "Shop.Migrations",
                [New(root, "Shop.Migrations", folder: Path.Combine("out", "class"))] = "Shop.Migrations.@out.@class",
                [New(root, "event")] = "@event",
                [New(root, "2fast")] = "_2fast",
                [New(root, "my-app")] = "my_app",
                [New(root, "Orders", rootNamespace: "Acme.Data")] = "Acme.Data",
                [New(root, "Plain.Migrations", buildingBlocks: false)] = "Plain.Migrations",
            };

            foreach (var (file, @namespace) in expected)
            {
                Assert.That(File.ReadAllText(file), Does.Contain($"\nnamespace {@namespace};\n"), file);
            }

            Assert.That(File.ReadAllText(expected.Keys.Last()), Does.Not.Contain("Nexgent"), "a project without the building blocks gets a plain FluentMigrator class");
            var projects = Directory.GetFiles(root, "*.csproj", SearchOption.AllDirectories).Select(p => $"  <Project Path=\"{Path.GetRelativePath(root, p)}\" />");
            File.WriteAllText(Path.Combine(root, "all.slnx"), $"<Solution>\n{string.Join('\n', projects)}\n</Solution>\n");
            var (exitCode, output) = Programs.Dotnet(root, "build", "all.slnx", "-nologo", "-v:q");
            Assert.That(exitCode, Is.Zero, output);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Runs <c>dotnet fm new</c> in a project named <paramref name="project"/> (made when missing) and returns the file it wrote.</summary>
    private static string New(string root, string project, string? folder = null, string? rootNamespace = null, bool buildingBlocks = true)
    {
        var directory = Path.Combine(root, project);
        var csproj = Path.Combine(directory, project + ".csproj");
        if (!File.Exists(csproj))
        {
            Directory.CreateDirectory(directory);
            var postgres = Path.Combine(TestContext.CurrentContext.TestDirectory, "Nexgent.Schema.Postgres.dll");
            File.WriteAllText(csproj, $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>{(rootNamespace is null ? "" : $"<RootNamespace>{rootNamespace}</RootNamespace>")}</PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="FluentMigrator" />
                    {(buildingBlocks ? $"<Reference Include=\"Nexgent.Schema.Postgres\" HintPath=\"{postgres}\" />" : "")}
                  </ItemGroup>
                </Project>
                """);
        }

        var before = Directory.GetFiles(directory, "*.cs", SearchOption.AllDirectories);
        string[] arguments = folder is null ? ["new", "add orders", "--project", directory] : ["new", "add items", "--project", directory, "-d", Directory.CreateDirectory(Path.Combine(directory, folder)).FullName];
        var run = Fm.Run(arguments);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
        return Directory.GetFiles(directory, "*.cs", SearchOption.AllDirectories).Except(before).Single();
    }
}
