using Nexgent.Schema.Cli;
using Nexgent.Schema.Runner;

namespace Nexgent.Schema.UnitTests.Cli;

/// <summary>Advice names the command the person ran: dotnet fm, or a bundle's own file.</summary>
[NonParallelizable]
public sealed class BundleAdviceTests
{
    [TearDown]
    public void BackToTheTool() => FmCommandLine.Invocation = "dotnet fm";

    [Test]
    public void A_bundle_names_itself_in_its_advice()
    {
        FmCommandLine.Invocation = "./migrate";

        var (sentence, _) = Failures.Describe(new UnknownVersionException(7, "2, 1 to 2"));

        Assert.That(sentence, Does.Contain("run `./migrate list migrations`").And.Not.Contain("dotnet fm"));
    }
}
