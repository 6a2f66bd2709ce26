using System.Text;
using NetDma.ConformanceKit.Cli;
using NetDma.ConformanceKit.Reporting;
using NetDma.ConformanceKit.Running;
using NetDma.ConformanceKit.Tests.BrokenProviders;
using NetDma.ConformanceKit.Tests.Support;

namespace NetDma.ConformanceKit.Tests.Reporting;

/// <summary>
/// Every report the kit writes is valid, whatever the run held: the JUnit file parses, has no byte order mark and has
/// its time attributes; the SARIF file validates against the OASIS schema; the JSON file validates against
/// docs/schemas/netdma-report.schema.json. Checked on the bundled suite, broken providers (a failed assertion, an
/// unexpected violation, a crash, a hang), a provider whose exception message XML cannot hold, and a script with a NUL
/// byte in it.
/// </summary>
public sealed class ReportValidityTests
{
    private static readonly TimeSpan Watchdog = TimeSpan.FromSeconds(20);

    private static IDriverFactory Broken(Type provider) => new TypeDriverFactory(provider, null);

    private static void AssertValid(RunReport report)
    {
        var problems = ReportFiles.Problems(report);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Reports_of_the_bundled_conformance_suite_on_the_reference_drivers_are_valid()
    {
        var report = ConformanceRun.Run(BundledScripts.ConformanceFiles, DriverRunners.ReferenceDrivers, Watchdog);

        Assert.True(report.Success);
        AssertValid(report);
    }

    [Theory]
    [InlineData(typeof(CpuOutsideMaskProvider))]
    [InlineData(typeof(ThrowingProvider))]
    [InlineData(typeof(SecondAdapterChannelDriver))]
    public void Reports_of_the_bundled_conformance_suite_on_a_broken_provider_are_valid(Type provider)
    {
        var report = ConformanceRun.Run(BundledScripts.ConformanceFiles, Broken(provider), Watchdog);

        Assert.False(report.Success);
        AssertValid(report);
    }

    [Fact]
    public void Reports_of_a_provider_that_hangs_are_valid()
    {
        var report = ConformanceRun.Run([BundledScripts.SelfTestFile("ndma2003-provider-hangs")], Broken(typeof(HangingProvider)), TimeSpan.FromSeconds(1));

        Assert.Contains(report.Scripts[0].Violations, v => v.Rule.Id == "NDMA2003");
        AssertValid(report);
    }

    [Fact]
    public void Reports_of_a_provider_whose_exception_message_XML_cannot_hold_are_valid_and_show_the_characters_escaped()
    {
        var files = BundledScripts.ConformanceFiles.Where(f => f.DisplayName.EndsWith("05-copy-single-descriptor.ndma", StringComparison.Ordinal)).ToList();

        var report = ConformanceRun.Run(files, Broken(typeof(UnwritableTextProvider)), Watchdog);

        Assert.Contains(report.Scripts[0].Violations, v => v.Rule.Id == "NDMA2002" && v.Actual.Contains(UnwritableTextProvider.ExceptionMessage, StringComparison.Ordinal));
        AssertValid(report);
        var junit = JUnitReportWriter.ToXml(report).ToString();
        Assert.Contains(@"ring\u0000corrupt \u0001\u0008\u001B[31m red \uD800 high \uDFFF low \uFFFE\uFFFF end", junit);
        Assert.Contains(@"ring\u0000corrupt \u0001\b\u001B[31m red \uFFFD high \uFFFD low \uFFFE\uFFFF end", JsonReportWriter.ToJson(report));
    }

    [Fact]
    public void Reports_of_a_script_with_a_NUL_byte_are_valid()
    {
        var folder = Directory.CreateTempSubdirectory("ndma-nul-").FullName;
        try
        {
            var path = Path.Combine(folder, "nul-byte.ndma");
            File.WriteAllBytes(path, Encoding.UTF8.GetBytes("title \"a NUL \0 in the title\"\nadd_device\0\nstart_device\n"));

            var report = ConformanceRun.Run(ConformanceRun.FindScripts(path), DriverRunners.ReferenceDrivers, Watchdog);

            Assert.Equal(ScriptExecutionSteps.ParseError, Assert.Single(report.Scripts[0].Checks).Step);
            AssertValid(report);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
