using Nexgent.Schema.Cli;
using Nexgent.Schema.Cli.Bundling;

namespace Nexgent.Schema.UnitTests.Cli;

public sealed class BundleContentsTests
{
    [Test]
    public void Two_assemblies_of_one_name_are_refused_naming_both()
    {
        var first = Path.GetFullPath(Path.Combine("a", "hs.dll"));
        var second = Path.GetFullPath(Path.Combine("b", "hs.dll"));

        var refused = Assert.Throws<CliException>(() => BundleContents.For([first, second]))!;

        Assert.That(refused.Message, Is.EqualTo(
            $"Two migration assemblies are named hs.dll: '{first}' and '{second}'; a bundle holds one assembly of a name, so give one of them, or merge them into one assembly."));
    }
}
