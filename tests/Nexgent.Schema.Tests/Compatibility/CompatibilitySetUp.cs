using NUnit.Framework;

namespace Nexgent.Schema.Tests.Compatibility;

/// <summary>Deletes the fixture assemblies the compatibility tests compiled, once they are all done.</summary>
[SetUpFixture]
public sealed class CompatibilitySetUp
{
    [OneTimeTearDown]
    public void DeleteFixtures() => FixtureAssembly.DeleteAll();
}
