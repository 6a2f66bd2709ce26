using System.Xml.Linq;
using NetDma.ConformanceKit.Running;

namespace NetDma.ConformanceKit.Reporting;

/// <summary>
/// Writes a run as JUnit XML, the format CI systems read: one <c>testsuite</c> per run, one <c>testcase</c> per script
/// (classname = the driver under test), a <c>failure</c> listing every failed check with its location, rule IDs and
/// message, a <c>skipped</c> element with the reason. No timing attributes: reports are deterministic.
/// </summary>
public static class JUnitReportWriter
{
    /// <summary>The JUnit document for <paramref name="report"/>.</summary>
    public static XDocument ToXml(RunReport report)
    {
        var suite = new XElement("testsuite",
            new XAttribute("name", "NetDMA conformance"),
            new XAttribute("tests", report.Scripts.Count),
            new XAttribute("failures", report.Failed),
            new XAttribute("errors", 0),
            new XAttribute("skipped", report.Skipped));
        foreach (var script in report.Scripts)
        {
            var testcase = new XElement("testcase",
                new XAttribute("classname", report.Driver),
                new XAttribute("name", script.Name),
                new XAttribute("file", script.File.Replace('\\', '/')));
            if (script.Outcome == ScriptOutcome.Failed)
            {
                var failures = script.Failures.ToList();
                testcase.Add(new XElement("failure",
                    new XAttribute("message", $"{failures.Count} failed check(s); rules: {string.Join(", ", failures.SelectMany(f => f.RuleIds).Distinct().Order(StringComparer.Ordinal))}"),
                    new XAttribute("type", "NetDmaConformanceFailure"),
                    string.Join("\n\n", failures.Select(f => $"{f.Location}: {f.Step}: [{string.Join(", ", f.RuleIds)}] {f.Message}"))));
            }
            else if (script.Outcome == ScriptOutcome.Skipped)
            {
                testcase.Add(new XElement("skipped", new XAttribute("message", script.SkipReason ?? "")));
            }

            var rules = script.RuleIds;
            if (rules.Count > 0)
            {
                testcase.Add(new XElement("properties", new XElement("property", new XAttribute("name", "rules"), new XAttribute("value", string.Join(" ", rules)))));
            }

            suite.Add(testcase);
        }

        return new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement("testsuites", suite));
    }

    /// <summary>Writes the JUnit XML of <paramref name="report"/> to <paramref name="path"/>, creating its folder.</summary>
    public static void Write(RunReport report, string path)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        ToXml(report).Save(path);
    }
}
