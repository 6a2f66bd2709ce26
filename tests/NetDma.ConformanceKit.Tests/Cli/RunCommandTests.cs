using System.Text.RegularExpressions;
using System.Xml.Linq;
using NetDma.ConformanceKit.Running;
using NetDma.ConformanceKit.Tests.Support;

namespace NetDma.ConformanceKit.Tests.Cli;

/// <summary>
/// The <c>run</c> command in process: exit codes (0 all passed, 1 a script failed, 2 bad input, with its one-line
/// error on stderr), what the report says, parse errors reported per script, and the JUnit XML report.
/// </summary>
public sealed class RunCommandTests : IDisposable
{
    private readonly CliTestKit _cli = new();

    public void Dispose() => _cli.Dispose();

    private static string ScriptName(ScriptFile file) => Path.GetFileNameWithoutExtension(file.Path);

    [Fact]
    public void Reference_drivers_pass_the_bundled_conformance_scripts_with_exit_code_0()
    {
        var exit = _cli.Run(BundledScripts.Conformance);

        Assert.True(exit == 0, _cli.Output);
        var output = _cli.Output;
        Assert.Contains($"Running {BundledScripts.ConformanceFiles.Count} script(s) against NetDma.ReferenceProvider.NetDma.ReferenceNetDmaProviderDriver", output);
        Assert.All(BundledScripts.ConformanceFiles, file => Assert.Contains($"PASSED {ScriptName(file)}", output));
        Assert.DoesNotContain("FAILED", output);
        Assert.EndsWith("Conformance run passed.", output.TrimEnd());
    }

    [Fact]
    public void Self_test_script_against_the_reference_drivers_fails_with_exit_code_1()
    {
        var script = BundledScripts.SelfTestFile("ndma3004-cpu-outside-mask").Path;

        var exit = _cli.Run(script);

        Assert.Equal(1, exit);
        var output = _cli.Output;
        Assert.Contains("FAILED ndma3004-cpu-outside-mask", output);
        Assert.Contains("assert_violation NDMA3004", output);
        Assert.Contains("none was reported", output);
        Assert.EndsWith("Conformance run failed.", output.TrimEnd());
    }

    private void AssertBadInput(int exit, string message)
    {
        Assert.Equal(2, exit);
        Assert.Equal("", _cli.Output);
        var errors = _cli.Errors.TrimEnd();
        Assert.Equal($"error: {message}", errors);
        Assert.DoesNotContain('\n', errors);
        Assert.DoesNotContain("Exception", errors);
        Assert.DoesNotContain("   at ", errors);
    }

    [Fact]
    public void Missing_scripts_path_exits_2_with_a_one_line_error()
    {
        var missing = Path.Combine(_cli.Folder, "no-such-scripts");

        AssertBadInput(_cli.Run(missing), $"no script file or folder at '{missing}'");
    }

    [Fact]
    public void Folder_without_scripts_exits_2_with_a_one_line_error()
    {
        AssertBadInput(_cli.Run(_cli.Folder), $"no .ndma scripts under '{_cli.Folder}'");
    }

    [Fact]
    public void Missing_provider_assembly_exits_2_with_a_one_line_error()
    {
        var missing = Path.Combine(_cli.Folder, "missing.dll");

        AssertBadInput(_cli.Run(BundledScripts.Conformance, provider: missing), $"provider assembly '{missing}' does not exist");
    }

    [Fact]
    public void Provider_file_that_is_not_an_assembly_exits_2_with_a_one_line_error()
    {
        var notAnAssembly = _cli.Write("notes.dll", "these are notes, not a .NET assembly");

        AssertBadInput(_cli.Run(BundledScripts.Conformance, provider: notAnAssembly), $"'{notAnAssembly}' is not a .NET assembly");
    }

    [Fact]
    public void Report_path_that_cannot_be_written_exits_2_after_the_run_and_still_writes_the_other_report()
    {
        var blocker = _cli.Write("not-a-folder", "a file where the report's folder should be");
        var report = Path.Combine(blocker, "junit.xml");
        var sarif = Path.Combine(_cli.Folder, "out", "run.sarif");

        var exit = _cli.Run(BundledScripts.ConformanceFiles[0].Path, report: report, sarif: sarif);

        Assert.Equal(2, exit);
        Assert.Contains("Conformance run passed.", _cli.Output);
        Assert.StartsWith($"error: cannot write the JUnit report to '{report}': ", _cli.Errors);
        Assert.DoesNotContain("   at ", _cli.Errors);
        Assert.True(File.Exists(sarif));
    }

    [Fact]
    public void Script_with_a_syntax_error_is_reported_FAILED_at_its_location_and_the_other_scripts_still_run()
    {
        _cli.Copy(BundledScripts.ConformanceFiles[0].Path);
        _cli.Write("bad.ndma", "title \"broken\"\nadd_device\nstart_device\nallocate ch0 mask=0b0001 irql=DISPATCH_LEVL\n");

        var exit = _cli.Run(_cli.Folder);

        Assert.Equal(1, exit);
        var output = _cli.Output;
        Assert.Contains($"PASSED {ScriptName(BundledScripts.ConformanceFiles[0])}", output);
        Assert.Contains("FAILED bad", output);
        Assert.Contains("bad.ndma:4:31 parse error:", output);

        // A redirected console does not wrap: the message is one line.
        Assert.Contains("expected an IRQL (PASSIVE_LEVEL, APC_LEVEL, DISPATCH_LEVEL, DIRQL, HIGH_LEVEL), found 'DISPATCH_LEVL'; did you mean 'DISPATCH_LEVEL'?", output);
        Assert.DoesNotContain("Exception", output);
    }

    [Fact]
    public void A_script_without_checks_says_so_instead_of_printing_an_empty_table()
    {
        _cli.Write("quiet.ndma", "title \"no assertion\"\nadd_device\nstart_device\nstop_device\nremove_device\n");

        var exit = _cli.Run(_cli.Folder);

        Assert.True(exit == 0, _cli.Output);
        Assert.Contains("PASSED quiet - no assertion\n  no checks: the script asserts nothing and the kit observed no violation", _cli.Output.ReplaceLineEndings("\n"));
        Assert.DoesNotContain("Line", _cli.Output.Split("Driver under test")[0]);
    }

    [Fact]
    public void Report_option_writes_JUnit_XML_with_one_testcase_per_script_failures_and_skip_reasons()
    {
        var conformance = BundledScripts.ConformanceFiles.ToDictionary(ScriptName, f => f.Path);
        _cli.Copy(conformance["01-provider-lifecycle"]);
        _cli.Copy(conformance["05-copy-single-descriptor"]);
        _cli.Copy(conformance["14-wdm-bus-master"]);
        _cli.Copy(BundledScripts.SelfTestFile("ndma3004-cpu-outside-mask").Path);
        var report = Path.Combine(_cli.Folder, "out", "junit.xml");

        var exit = _cli.Run(_cli.Folder, CliTestKit.TestAssembly, "CpuOutsideMaskProvider", report);

        Assert.Equal(1, exit);
        Assert.Contains($"JUnit report: {report}", _cli.Output);
        var suite = XDocument.Load(report).Root!.Element("testsuite")!;
        Assert.Equal("4", (string?)suite.Attribute("tests"));
        Assert.Equal("1", (string?)suite.Attribute("failures"));
        Assert.Equal("1", (string?)suite.Attribute("skipped"));
        Assert.Equal("0", (string?)suite.Attribute("errors"));
        var cases = suite.Elements("testcase").ToDictionary(c => (string)c.Attribute("name")!);
        Assert.Equal(["01-provider-lifecycle", "05-copy-single-descriptor", "14-wdm-bus-master", "ndma3004-cpu-outside-mask"], cases.Keys);
        Assert.All(cases.Values, c => Assert.Equal("NetDma.ConformanceKit.Tests.BrokenProviders.CpuOutsideMaskProvider", (string?)c.Attribute("classname")));

        var failure = Assert.Single(cases["05-copy-single-descriptor"].Elements("failure"));
        Assert.Contains("NDMA3004", (string?)failure.Attribute("message"));
        Assert.Matches(new Regex(@"/05-copy-single-descriptor\.ndma:\d+:\d+: assert_no_violation \(line \d+\): NDMA3004 \(MUST\)"), failure.Value);
        Assert.Contains("Source: nc-netdma-dma_channel_allocate_handler.md.", failure.Value);

        var skipped = Assert.Single(cases["14-wdm-bus-master"].Elements("skipped"));
        Assert.Equal("NetDma.ConformanceKit.Tests.BrokenProviders.CpuOutsideMaskProvider has no WDM DMA driver (IWdmDmaDriver); WDM scripts do not apply", (string?)skipped.Attribute("message"));

        Assert.All([cases["01-provider-lifecycle"], cases["ndma3004-cpu-outside-mask"]], passed =>
            Assert.DoesNotContain(passed.Elements(), e => e.Name == "failure" || e.Name == "skipped"));
    }
}
