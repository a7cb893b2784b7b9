using NUnit.Framework;

// Outside Nexgent.Schema.Tests: these need no server, and the run's SetUpFixture does not start one for them alone.
namespace Nexgent.Schema.Runner.Tests;

/// <summary>How the runner writes a name into SQL and reads one from a search path. No server.</summary>
public sealed class IdentifierTests
{
    [TestCase("public", "\"public\"")]
    [TestCase("MixedCase", "\"MixedCase\"")]
    [TestCase("with space", "\"with space\"")]
    [TestCase("we\"ird", "\"we\"\"ird\"")]
    [TestCase("it's", "\"it's\"")]
    public void A_name_is_written_in_double_quotes_as_fluentmigrator_writes_it(string name, string written)
    {
        Assert.That(Identifier.Quote(name), Is.EqualTo(written));
        Assert.That(Identifier.Qualified(name, "VersionInfo"), Is.EqualTo(written + ".\"VersionInfo\""));
    }

    [TestCase("trading", "trading")]
    [TestCase("Trading, public", "trading")]
    [TestCase("$user, \"Mixed \"\"Case\"\"\"", "Mixed \"Case\"")]
    [TestCase("  \"with space\" ,public", "with space")]
    [TestCase("ÉTÉ", "ÉtÉ")]
    public void The_first_schema_of_a_search_path_is_the_one_postgresql_reads(string searchPath, string schema)
        => Assert.That(SearchPath.FirstSchema(searchPath), Is.EqualTo(schema));

    [TestCase("\"unclosed")]
    [TestCase("a b")]
    [TestCase(",a")]
    public void A_search_path_that_is_no_list_of_names_is_refused(string searchPath)
        => Assert.Throws<FormatException>(() => SearchPath.FirstSchema(searchPath));

    [TestCase("ééé", 5, "éé")]
    [TestCase("nexgent", 3, "nex")]
    [TestCase("a✓b", 3, "a")]
    [TestCase("a😀", 4, "a")]
    public void A_name_is_cut_to_a_number_of_bytes_between_characters(string name, int bytes, string cut)
        => Assert.That(Identifier.Truncated(name, bytes), Is.EqualTo(cut));
}
