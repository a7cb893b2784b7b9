using System.Reflection;
using Nexgent.Schema.Cli.Loading;
using Nexgent.Schema.Migrations.Versions;
using Nexgent.Schema.Runner;
using Nexgent.Schema.Runner.Authoring;
using Nexgent.Schema.Runner.Generation;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Generation;

/// <summary>Migrations generated in the test's own process, as <c>dotnet fm new --from-db</c> generates them, and the projects they go into.</summary>
public static class Generated
{
    public const long Version = 20400101000000;

    /// <summary>The migration that takes Nexgent's migrations to what <paramref name="database"/> has, generated, proven and compiled.</summary>
    internal static (GenerationResult Result, Assembly Assembly) FromDatabase(TestDatabase database, Renames? renames = null, Func<RenameCandidate, bool>? confirm = null)
    {
        var request = new GenerationRequest(MigrationName.Parse("hand_change"), "Generated", Version, renames ?? Renames.None, confirm ?? (_ => false));
        var compiler = new RoslynMigrationCompiler();
        var result = DatabaseMigrationGenerator.Generate(DatabaseConnection.Parse(database.ConnectionString), [typeof(Init).Assembly], [], request, compiler, CancellationToken.None);
        return (result, compiler.Compile(result.Source, "hand_change"));
    }

    /// <summary>
    /// A migrations project of another team's, in the checkout (its package versions and build rules apply), referencing
    /// FluentMigrator and the building blocks as built beside the tests; with <paramref name="nexgentHistory"/>, Nexgent's
    /// migrations compiled into it too, as a project that holds them would.
    /// </summary>
    public static string NewProject(bool nexgentHistory)
    {
        // A name of its own: the kit tells migrations assemblies apart by name.
        var folder = Path.Combine(TestContext.CurrentContext.TestDirectory, "Gen" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var history = nexgentHistory
            ? $"""<Compile Include="{Path.Combine(Root, "src", "Nexgent.Schema.Migrations", "Versions")}/*.cs" LinkBase="Nexgent" />"""
            : "";
        File.WriteAllText(Path.Combine(folder, Path.GetFileName(folder) + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <PackageReference Include="FluentMigrator" />
                <Reference Include="Nexgent.Schema.Postgres" HintPath="{Path.Combine(TestContext.CurrentContext.TestDirectory, "Nexgent.Schema.Postgres.dll")}" />
                {history}
              </ItemGroup>
            </Project>
            """);
        return folder;
    }

    /// <summary>The assembly a project of <see cref="NewProject"/> built (dotnet fm builds it, in Debug).</summary>
    public static Assembly Built(string project) => Assembly.LoadFile(Path.Combine(project, "bin", "Debug", "net10.0", Path.GetFileName(project) + ".dll"));

    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Nexgent.Schema.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The checkout (Nexgent.Schema.sln) was not found above the test folder.");
    }
}
