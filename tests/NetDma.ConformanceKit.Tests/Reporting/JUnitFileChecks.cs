using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace NetDma.ConformanceKit.Tests.Reporting;

/// <summary>
/// What a JUnit XML file must be for the common CI readers (Jenkins, GitLab, Azure DevOps, GitHub test reporters):
/// UTF-8 without a byte order mark, well-formed XML 1.0, <c>testsuites</c> &gt; <c>testsuite</c> &gt; <c>testcase</c>,
/// <c>time</c> in seconds written with '.' on all three levels, a <c>timestamp</c> on each suite, counts that match the
/// cases, <c>failure</c> with <c>message</c> and <c>type</c>, <c>skipped</c> with <c>message</c>, and
/// <c>properties</c> only as a suite's first child.
/// </summary>
internal static partial class JUnitFileChecks
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Everything wrong with the JUnit file <paramref name="bytes"/>; empty when it is valid.</summary>
    public static IReadOnlyList<string> Problems(byte[] bytes)
    {
        var problems = new List<string>();
        if (bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble))
        {
            problems.Add("the file starts with a UTF-8 byte order mark");
        }

        XDocument document;
        try
        {
            document = XDocument.Parse(StrictUtf8.GetString(bytes));
        }
        catch (Exception e) when (e is XmlException or DecoderFallbackException)
        {
            problems.Add($"not well-formed UTF-8 XML: {e.Message}");
            return problems;
        }

        var root = document.Root!;
        if (root.Name != "testsuites")
        {
            problems.Add($"the root element is <{root.Name}>, not <testsuites>");
        }

        RequireTime(root, problems);
        var suites = root.Elements().ToList();
        if (suites.Count == 0 || suites.Any(s => s.Name != "testsuite"))
        {
            problems.Add("<testsuites> must hold <testsuite> elements only");
        }

        foreach (var suite in suites.Where(s => s.Name == "testsuite"))
        {
            CheckSuite(suite, problems);
        }

        return problems;
    }

    private static void CheckSuite(XElement suite, List<string> problems)
    {
        RequireTime(suite, problems);
        if (suite.Attribute("timestamp")?.Value is not { } timestamp || !Timestamp().IsMatch(timestamp))
        {
            problems.Add($"<testsuite> has no timestamp of the form yyyy-MM-ddTHH:mm:ss: '{suite.Attribute("timestamp")?.Value}'");
        }

        var children = suite.Elements().ToList();
        var properties = children.Where(c => c.Name == "properties").ToList();
        if (properties.Count > 1 || (properties.Count == 1 && children[0] != properties[0]))
        {
            problems.Add("<testsuite> may hold one <properties>, as its first child");
        }

        if (properties.SelectMany(p => p.Elements()).Any(p => p.Name != "property" || p.Attribute("name") is null || p.Attribute("value") is null))
        {
            problems.Add("<properties> must hold <property name value> elements only");
        }

        var cases = children.Where(c => c.Name == "testcase").ToList();
        if (cases.Count + properties.Count != children.Count)
        {
            problems.Add("<testsuite> must hold <properties> and <testcase> elements only");
        }

        CheckCount(suite, "tests", cases.Count, problems);
        CheckCount(suite, "failures", cases.Count(c => c.Element("failure") is not null), problems);
        CheckCount(suite, "skipped", cases.Count(c => c.Element("skipped") is not null), problems);
        CheckCount(suite, "errors", 0, problems);
        foreach (var testcase in cases)
        {
            CheckCase(testcase, problems);
        }
    }

    private static void CheckCase(XElement testcase, List<string> problems)
    {
        var name = testcase.Attribute("name")?.Value;
        if (string.IsNullOrEmpty(name) || testcase.Attribute("classname") is null)
        {
            problems.Add("a <testcase> has no name or classname");
        }

        RequireTime(testcase, problems);
        foreach (var child in testcase.Elements())
        {
            var complete = child.Name.LocalName switch
            {
                "failure" => child.Attribute("message") is not null && !string.IsNullOrEmpty(child.Attribute("type")?.Value),
                "skipped" => child.Attribute("message") is not null,
                _ => false,
            };
            if (!complete)
            {
                problems.Add($"<testcase name=\"{name}\"> holds <{child.Name}>: only <failure message type> or <skipped message> belong there");
            }
        }
    }

    private static void RequireTime(XElement element, List<string> problems)
    {
        if (element.Attribute("time")?.Value is not { } time || !Seconds().IsMatch(time))
        {
            problems.Add($"<{element.Name}> has no time in seconds ('0.123'): '{element.Attribute("time")?.Value}'");
        }
    }

    private static void CheckCount(XElement suite, string attribute, int expected, List<string> problems)
    {
        if (suite.Attribute(attribute)?.Value != expected.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            problems.Add($"<testsuite {attribute}=\"{suite.Attribute(attribute)?.Value}\">, but the cases say {expected}");
        }
    }

    [GeneratedRegex(@"^[0-9]+\.[0-9]{3}$")]
    private static partial Regex Seconds();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}$")]
    private static partial Regex Timestamp();
}
