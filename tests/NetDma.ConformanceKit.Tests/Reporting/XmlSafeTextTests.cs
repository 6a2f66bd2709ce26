using System.Xml.Linq;
using NetDma.ConformanceKit.Reporting;

namespace NetDma.ConformanceKit.Tests.Reporting;

/// <summary>
/// <see cref="XmlSafeText"/>: characters XML 1.0 cannot hold become a visible <c>\uXXXX</c>; everything XML can hold,
/// tab, LF, CR and characters beyond U+FFFF included, is kept as it is.
/// </summary>
public sealed class XmlSafeTextTests
{
    /// <remarks>
    /// Built in code and enumerated when the test runs: attribute arguments are stored as UTF-8, which cannot carry a
    /// lone surrogate, so <c>[InlineData]</c> would hand the test U+FFFD instead.
    /// </remarks>
    public static TheoryData<string, string> Unwritable => new()
    {
        { "a\0b", @"a\u0000b" },
        { "\u0001\u0008\u000B\u000C\u001F", @"\u0001\u0008\u000B\u000C\u001F" },
        { "high \uD800 alone", @"high \uD800 alone" },
        { "low \uDC00 alone", @"low \uDC00 alone" },
        { "reversed \uDC00\uD800 pair", @"reversed \uDC00\uD800 pair" },
        { "ends high \uDBFF", @"ends high \uDBFF" },
        { "\uFFFE and \uFFFF", @"\uFFFE and \uFFFF" },
    };

    [Theory]
    [MemberData(nameof(Unwritable), DisableDiscoveryEnumeration = true)]
    public void Characters_XML_cannot_hold_become_visible_escapes(string text, string expected)
    {
        var escaped = XmlSafeText.Escape(text);

        Assert.Equal(expected, escaped);
        Assert.Equal(escaped, XDocument.Parse(new XDocument(new XElement("e", new XAttribute("a", escaped), escaped)).ToString()).Root!.Value);
    }

    [Theory]
    [InlineData("tab\tlf\ncr\r")]
    [InlineData("emoji \U0001F600 and CJK \u540D")]
    [InlineData("controls XML allows: \u007F \u0085 \u009F, and U+FFFD \uFFFD")]
    [InlineData("")]
    public void Text_XML_can_hold_is_returned_unchanged(string text)
    {
        Assert.Same(text, XmlSafeText.Escape(text));
    }
}
