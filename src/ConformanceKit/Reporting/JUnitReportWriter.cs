using System.Text;
using System.Xml;
using System.Xml.Linq;
using NetDma.ConformanceKit.Diagnostics;
using NetDma.ConformanceKit.Running;

namespace NetDma.ConformanceKit.Reporting;

/// <summary>
/// Writes a run as JUnit XML in the shape CI readers expect: <c>testsuites</c> &gt; one <c>testsuite</c> per run &gt;
/// one <c>testcase</c> per script (classname = the driver under test). A failed script has a <c>failure</c> whose
/// <c>message</c> counts the failed checks, whose <c>type</c> is the first rule it broke (or
/// <see cref="FailureType"/> when no check concerns a rule) and whose text gives every failed check with its
/// file:line:column; a violation is placed at the command during which it was observed, even when an
/// <c>assert_no_violation</c> further down is the check that found it. A skipped script has a <c>skipped</c> element
/// with the reason. <c>properties</c> appear only at suite level: the driver and, per script, <c>rules.&lt;name&gt;</c>
/// (the rule IDs its checks concern). <c>time</c> is in seconds (invariant culture, milliseconds) on
/// <c>testsuites</c>, <c>testsuite</c> and every <c>testcase</c>; the suite's <c>timestamp</c> is the run's start in
/// UTC. Every text goes through <see cref="XmlSafeText"/>, and files are UTF-8 without a byte order mark.
/// </summary>
public static class JUnitReportWriter
{
    /// <summary>The failure <c>type</c> of a script none of whose failed checks concerns a rule (a data assertion, a parse error).</summary>
    public const string FailureType = "NetDmaConformanceFailure";

    /// <summary>The name of the one test suite.</summary>
    public const string SuiteName = "NetDMA conformance";

    private static readonly XmlWriterSettings FileSettings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        NewLineChars = "\n",
    };

    /// <summary>The JUnit document for <paramref name="report"/>.</summary>
    public static XDocument ToXml(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var time = ReportTimes.SecondsText(ReportTimes.RunDuration(report));
        var suite = new XElement("testsuite",
            Counts(report),
            new XAttribute("time", time),
            new XAttribute("timestamp", ReportTimes.JUnitTimestamp(report.StartTime)),
            Properties(report));
        foreach (var script in report.Scripts)
        {
            suite.Add(TestCase(report.Driver, script));
        }

        return new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement("testsuites", Counts(report), new XAttribute("time", time), suite));
    }

    /// <summary>Writes the JUnit XML of <paramref name="report"/> to <paramref name="stream"/> as UTF-8 without a byte order mark.</summary>
    public static void Write(RunReport report, Stream stream)
    {
        using var writer = XmlWriter.Create(stream, FileSettings);
        ToXml(report).Save(writer);
    }

    /// <summary>Writes the JUnit XML of <paramref name="report"/> to <paramref name="path"/>, creating its folder.</summary>
    public static void Write(RunReport report, string path)
    {
        using var file = ReportFile.Create(path);
        Write(report, file);
    }

    private static XAttribute[] Counts(RunReport report) =>
    [
        new("name", SuiteName),
        new("tests", report.Scripts.Count),
        new("failures", report.Failed),
        new("errors", 0),
        new("skipped", report.Skipped),
    ];

    private static XElement Properties(RunReport report)
    {
        var properties = new XElement("properties", Property("driver", report.Driver));
        foreach (var script in report.Scripts.Where(s => s.RuleIds.Count > 0))
        {
            properties.Add(Property("rules." + script.Name, string.Join(" ", script.RuleIds)));
        }

        // The injected faults (docs/faults.md): the run's spec and seed, and per script each fault injected.
        if (report.Faults is { } faults)
        {
            properties.Add(Property("faults", faults.ToString()));
            properties.Add(Property("faults.seed", faults.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        foreach (var script in report.Scripts.Where(s => s.Faults.Count > 0))
        {
            properties.Add(Property("faults." + script.Name, string.Join("; ", script.Faults)));
        }

        return properties;
    }

    private static XElement Property(string name, string value) =>
        new("property", new XAttribute("name", XmlSafeText.Escape(name)), new XAttribute("value", XmlSafeText.Escape(value)));

    private static XElement TestCase(string driver, ScriptResult script)
    {
        var testcase = new XElement("testcase",
            new XAttribute("classname", XmlSafeText.Escape(driver)),
            new XAttribute("name", XmlSafeText.Escape(script.Name)),
            new XAttribute("file", XmlSafeText.Escape(script.File.Replace('\\', '/'))),
            new XAttribute("time", ReportTimes.SecondsText(script.Duration)));
        if (script.Outcome == ScriptOutcome.Failed)
        {
            testcase.Add(Failure(script));
        }
        else if (script.Outcome == ScriptOutcome.Skipped)
        {
            testcase.Add(new XElement("skipped", new XAttribute("message", XmlSafeText.Escape(script.SkipReason ?? ""))));
        }

        return testcase;
    }

    private static XElement Failure(ScriptResult script)
    {
        var entries = script.Failures.Select(Entry).ToList();
        var failures = script.Failures.ToList();
        var rules = failures.SelectMany(f => f.RuleIds).Distinct().ToList();
        var message = $"{failures.Count} failed check(s)" + (rules.Count == 0 ? "" : $"; rules: {string.Join(", ", rules.Order(StringComparer.Ordinal))}");
        return new XElement("failure",
            new XAttribute("message", XmlSafeText.Escape(message)),
            new XAttribute("type", rules.Count > 0 ? rules[0] : FailureType),
            XmlSafeText.Escape(string.Join("\n\n", entries)));
    }

    /// <summary>
    /// One failed check: <c>file:line:column: step: message</c>, naming the rules its message does not already name;
    /// for a violation found by an assertion further down, that assertion's line follows its step.
    /// </summary>
    private static string Entry(CheckResult check)
    {
        var unnamed = check.RuleIds.Where(id => !check.Message.Contains(id, StringComparison.Ordinal)).ToList();
        var rules = unnamed.Count == 0 ? "" : $"[{string.Join(", ", unnamed)}] ";
        return $"{check.Location}: {check.Title}: {rules}{check.Message}";
    }
}
