using System.Globalization;
using System.Text;
using System.Xml.Linq;
using NetDma.ConformanceKit.Cli;
using NetDma.ConformanceKit.Reporting;
using NetDma.ConformanceKit.Running;
using NetDma.ConformanceKit.Tests.BrokenProviders;
using NetDma.ConformanceKit.Tests.Support;

namespace NetDma.ConformanceKit.Tests.Reporting;

/// <summary>
/// The JUnit report's shape: times in invariant-culture seconds on all three levels, the suite's timestamp, properties
/// only at suite level, a failure's type is its first broken rule, a rule ID appears once per failure line, and the
/// file is UTF-8 without a byte order mark.
/// </summary>
public sealed class JUnitReportWriterTests
{
    private static readonly TimeSpan Watchdog = TimeSpan.FromSeconds(20);

    private static readonly DateTimeOffset Start = new(2026, 12, 1, 21, 32, 19, 250, TimeSpan.Zero);

    private static IReadOnlyList<ScriptFile> Conformance(params string[] names) =>
        [.. BundledScripts.ConformanceFiles.Where(f => names.Any(n => f.DisplayName.EndsWith(n + ConformanceRun.ScriptExtension, StringComparison.Ordinal)))];

    private static RunReport BrokenRun() =>
        ConformanceRun.Run(Conformance("03-allocate-msix-affinity", "05-copy-single-descriptor", "14-wdm-bus-master"), new TypeDriverFactory(typeof(CpuOutsideMaskProvider), null), Watchdog);

    [Fact]
    public void Times_are_seconds_in_the_invariant_culture_and_the_timestamp_is_the_UTC_start()
    {
        var scripts = new[] { Script("a", TimeSpan.FromMilliseconds(1234.4)), Script("b", TimeSpan.FromMilliseconds(6.6)) };
        var report = new RunReport("driver", scripts) { StartTime = Start, EndTime = Start + TimeSpan.FromSeconds(1.5) };
        var culture = CultureInfo.CurrentCulture;
        XDocument xml;
        try
        {
            // A culture whose decimal separator is a comma: the report must not follow it.
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            xml = JUnitReportWriter.ToXml(report);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }

        Assert.Equal("1.500", (string?)xml.Root!.Attribute("time"));
        var suite = xml.Root.Element("testsuite")!;
        Assert.Equal("1.500", (string?)suite.Attribute("time"));
        Assert.Equal("2026-12-01T21:32:19", (string?)suite.Attribute("timestamp"));
        Assert.Equal(["1.234", "0.007"], suite.Elements("testcase").Select(c => (string)c.Attribute("time")!));
    }

    [Fact]
    public void Properties_appear_only_at_suite_level_naming_the_driver_and_each_case_s_rules()
    {
        var report = BrokenRun();

        var suite = JUnitReportWriter.ToXml(report).Root!.Element("testsuite")!;

        Assert.Empty(suite.Elements("testcase").Elements("properties"));
        var properties = suite.Elements().First();
        Assert.Equal("properties", properties.Name);
        var values = properties.Elements("property").ToDictionary(p => (string)p.Attribute("name")!, p => (string)p.Attribute("value")!);
        Assert.Equal(report.Driver, values["driver"]);
        Assert.Equal("NDMA3003 NDMA3004", values["rules.03-allocate-msix-affinity"]);
        Assert.False(values.ContainsKey("rules.14-wdm-bus-master"));
    }

    [Fact]
    public void A_failure_s_type_is_its_first_broken_rule_and_no_line_names_a_rule_twice()
    {
        var cases = JUnitReportWriter.ToXml(BrokenRun()).Descendants("testcase").ToDictionary(c => (string)c.Attribute("name")!);

        var failure = cases["03-allocate-msix-affinity"].Element("failure")!;
        Assert.Equal("NDMA3004", (string?)failure.Attribute("type"));
        Assert.Equal("7 failed check(s); rules: NDMA3003, NDMA3004", (string?)failure.Attribute("message"));
        foreach (var line in failure.Value.Split('\n').Where(l => l.StartsWith("conformance/", StringComparison.Ordinal)))
        {
            foreach (var id in new[] { "NDMA3003", "NDMA3004", "NDMA3005" })
            {
                Assert.True(CountOf(line, id) <= 1, $"{id} named twice in: {line}");
            }
        }

        Assert.Equal("skipped", Assert.Single(cases["14-wdm-bus-master"].Elements()).Name);
    }

    [Fact]
    public void A_failure_that_concerns_no_rule_has_the_generic_type()
    {
        var check = new CheckResult(new NetDma.ConformanceKit.Scripting.SourceLocation("x.ndma", 3, 1), "assert_status STATUS_SUCCESS", false, [], "expected STATUS_SUCCESS");
        var report = new RunReport("driver", [new ScriptResult("x.ndma", "x", null, ScriptOutcome.Failed, [check], [], null)]);

        var failure = JUnitReportWriter.ToXml(report).Descendants("failure").Single();

        Assert.Equal(JUnitReportWriter.FailureType, (string?)failure.Attribute("type"));
        Assert.Equal("x.ndma:3:1: assert_status STATUS_SUCCESS: expected STATUS_SUCCESS", failure.Value);
    }

    [Fact]
    public void The_file_is_UTF_8_without_a_byte_order_mark_and_passes_the_reader_checks()
    {
        using var stream = new MemoryStream();

        JUnitReportWriter.Write(ConformanceRun.Run(Conformance("05-copy-single-descriptor"), DriverRunners.ReferenceDrivers, Watchdog), stream);

        var bytes = stream.ToArray();
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.Empty(JUnitFileChecks.Problems(bytes));
    }

    private static ScriptResult Script(string name, TimeSpan duration) =>
        new($"{name}.ndma", name, null, ScriptOutcome.Passed, [], [], null) { Duration = duration };

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
