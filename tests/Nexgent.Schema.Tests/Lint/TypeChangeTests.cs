using Nexgent.Schema.Runner.Lint;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Lint;

/// <summary>Which column type changes PostgreSQL makes without rewriting the table. Pure logic: no server.</summary>
public sealed class TypeChangeTests
{
    [TestCase("character varying(20)", "varchar(50)")]
    [TestCase("varchar(20)", "varchar")]
    [TestCase("varchar(20)", "text")]
    [TestCase("text", "varchar")]
    [TestCase("numeric(20,8)", "numeric(30,8)")]
    [TestCase("numeric(20,8)", "numeric")]
    [TestCase("decimal(10,2)", "numeric(12, 2)")]
    [TestCase("numeric", "numeric")]
    [TestCase("timestamp(3) with time zone", "timestamptz(6)")]
    [TestCase("timestamptz(3)", "timestamptz")]
    [TestCase("time(0)", "time(3)")]
    [TestCase("cidr", "inet")]
    [TestCase("uuid", "uuid")]
    [TestCase("\"TransactionType\"", "\"TransactionType\"")]
    public void Binary_coercible_changes_do_not_rewrite(string from, string to)
        => Assert.That(TypeChange.Rewrites("c", from, to, usingExpression: null), Is.Null);

    [TestCase("varchar(50)", "varchar(20)", "shortens the limit")]
    [TestCase("text", "varchar(20)", "checks every value's length")]
    [TestCase("numeric(20,8)", "numeric(30,18)", "changes the scale")]
    [TestCase("numeric(20,8)", "numeric(10,8)", "lowers the precision")]
    [TestCase("numeric", "numeric(20,8)", "bounds an unconstrained numeric")]
    [TestCase("timestamptz", "timestamptz(3)", "lowers the precision")]
    [TestCase("timestamp", "timestamptz", "unless the session's TimeZone is UTC")]
    [TestCase("integer", "bigint", "not binary-coercible")]
    [TestCase("varchar(20)", "varchar(20)[]", "not binary-coercible")]
    [TestCase("char(2)", "char(3)", "not binary-coercible")]
    [TestCase("json", "jsonb", "not binary-coercible")]
    public void Other_changes_rewrite(string from, string to, string why)
        => Assert.That(TypeChange.Rewrites("c", from, to, usingExpression: null), Does.Contain(why));

    [Test]
    public void A_using_expression_rewrites_unless_it_is_the_column_itself()
    {
        Assert.That(TypeChange.Rewrites("flag", "boolean", "boolean", "other_flag"), Does.StartWith("USING ... computes every value again"));
        Assert.That(TypeChange.Rewrites("flag", "boolean", "boolean", "\"flag\""), Is.Null);
        Assert.That(TypeChange.Rewrites("ref", "varchar(10)", "text", "(ref)"), Is.Null);
    }

    [Test]
    public void An_unknown_current_type_may_rewrite()
        => Assert.That(TypeChange.Rewrites("c", current: null, "text", usingExpression: null), Does.StartWith("its current type is unknown to lint"));
}
