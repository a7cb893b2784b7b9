using Nexgent.Schema.Postgres;
using Nexgent.Schema.Runner;
using NUnit.Framework;
using PublicApiGenerator;

namespace Nexgent.Schema.Tests.PublicApi;

/// <summary>
/// The public surface of each library another team references, frozen: a change to it is a decision, made by
/// replacing the approved file with the one the failure writes, and reviewed like code.
/// </summary>
public sealed class PublicApiTests
{
    private static readonly string Folder = Path.GetFullPath(Path.Combine(TestContext.CurrentContext.TestDirectory, "..", "..", "..", "PublicApi"));

    private static IEnumerable<TestCaseData> Libraries()
    {
        yield return new TestCaseData(typeof(SchemaRunner)).SetArgDisplayNames("Nexgent.Schema.Runner");
        yield return new TestCaseData(typeof(LosesDataAttribute)).SetArgDisplayNames("Nexgent.Schema.Postgres");
        yield return new TestCaseData(typeof(Nexgent.Schema.Testing.MigrationsUnderTest)).SetArgDisplayNames("Nexgent.Schema.Testing");
    }

    [TestCaseSource(nameof(Libraries))]
    public void The_public_api_is_the_approved_one(Type library)
    {
        var name = library.Assembly.GetName().Name!;
        var api = library.Assembly.GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false }).ReplaceLineEndings("\n");
        var approved = Path.Combine(Folder, $"{name}.approved.txt");
        var received = Path.Combine(Folder, $"{name}.received.txt");
        if (File.Exists(approved) && File.ReadAllText(approved).ReplaceLineEndings("\n") == api)
        {
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, api);
        Assert.Fail($"The public API of {name} is not the approved one. If the change is intended, review it and approve it: mv {Relative(received)} {Relative(approved)}");
    }

    private static string Relative(string path) => Path.GetRelativePath(Path.Combine(Folder, "..", "..", ".."), path);
}
