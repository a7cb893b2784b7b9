using Nexgent.Schema.Runner.Generation;

namespace Nexgent.Schema.UnitTests.Generation;

/// <summary>The versions Prisma migrations' names become: Prisma's order (the ordinal order of the names), whatever the names.</summary>
public sealed class PrismaNamesTests
{
    [TestCase(new[] { "1_a", "10_b", "2_c" }, new[] { "10_b 19700101000001 b", "1_a 19700101000002 a", "2_c 19700101000003 c" })]
    [TestCase(new[] { "02_add_x", "10_rename_x", "01_init" }, new[] { "01_init 19700101000001 init", "02_add_x 19700101000002 add_x", "10_rename_x 19700101000003 rename_x" })]
    [TestCase(new[] { "20240102000000_second", "20240101000000_init" }, new[] { "20240101000000_init 20240101000000 init", "20240102000000_second 20240102000000 second" })]
    [TestCase(new[] { "00000000000000_init", "20240101000000_add" }, new[] { "00000000000000_init 19700101000001 init", "20240101000000_add 20240101000000 add" })]
    [TestCase(new[] { "0_init", "9_z", "20240101000000_add" }, new[] { "0_init 19700101000001 init", "20240101000000_add 20240101000000 add", "9_z 20240101000001 z" })]
    [TestCase(new[] { "20240101000000_a", "20240101000000_b", "20240101000001_c" }, new[] { "20240101000000_a 20240101000000 a", "20240101000000_b 20240101000001 b", "20240101000001_c 20240101000002 c" })]
    [TestCase(new[] { "init", "123" }, new[] { "123 19700101000001 migration", "init 19700101000002 init" })]
    public void Names_become_versions_in_Prismas_order(string[] names, string[] expected)
        => Assert.That(PrismaFolder.Versions(names).Select(n => $"{n.Name} {n.Version} {n.Description}"), Is.EqualTo(expected));

    [Test]
    public void A_folder_whose_name_sorts_last_moves_no_version()
    {
        string[] before = ["01_init", "02_add_x", "20240101000000_y"];
        var versions = PrismaFolder.Versions(before);

        var after = PrismaFolder.Versions([.. before, "99_z"]);

        Assert.That(after.Take(before.Length), Is.EqualTo(versions));
        Assert.That(after[^1].Version, Is.GreaterThan(versions[^1].Version));
    }
}
