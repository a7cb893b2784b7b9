using Nexgent.Schema.Cli;

namespace Nexgent.Schema.UnitTests.Cli;

public sealed class PrintableTests
{
    [Test]
    public void Terminal_escapes_are_written_out_not_sent()
    {
        const string title = "evil\u001b]0;pwned\u0007\u001b[2J\u009b";

        Assert.That(Printable.Field(title), Is.EqualTo("evil\\x1b]0;pwned\\x07\\x1b[2J\\x9b"));
        Assert.That(Printable.Text(title), Is.EqualTo("evil\\x1b]0;pwned\\x07\\x1b[2J\\x9b"));
    }

    [Test]
    public void A_message_keeps_its_lines_a_field_does_not()
    {
        Assert.That(Printable.Text("failed\n  detail:\tx\r"), Is.EqualTo("failed\n  detail:\tx\\x0d"));
        Assert.That(Printable.Field("two\nlines"), Is.EqualTo("two\\x0alines"));
        Assert.That(Printable.Field("add_agent_notes"), Is.EqualTo("add_agent_notes"));
    }
}
