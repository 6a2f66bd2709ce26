using NetDma.ConformanceKit.Isolation;
using NetDma.ConformanceKit.Running;
using Xunit;
using Xunit.Abstractions;

namespace NetDma.Samples.MinimalProvider.ConformanceTests;

/// <summary>
/// Every bundled conformance script (Scripts/conformance, which the NetDma.ConformanceKit package copies beside this
/// assembly) is one test, run against the provider in a worker process: a provider that throws, exits or hangs fails
/// its script, not the test run. A script the provider's kind does not support (the WDM script, for a NetDMA
/// provider) passes with its skip reason in the test output.
/// </summary>
/// <param name="output">Where a script's skip reason goes.</param>
public sealed class ConformanceSuiteTests(ITestOutputHelper output)
{
    private static readonly string SuiteFolder = Path.Combine(AppContext.BaseDirectory, "Scripts", "conformance");

    /// <summary>The suite's scripts by display name (conformance/05-copy-single-descriptor.ndma ...).</summary>
    public static TheoryData<string> Scripts => new(ConformanceRun.FindScripts(SuiteFolder).Select(script => script.DisplayName));

    /// <summary>The script passes: every assertion holds and no MUST rule is broken.</summary>
    /// <param name="script">The script's display name.</param>
    [Theory]
    [MemberData(nameof(Scripts))]
    public void Conformance_script_passes(string script)
    {
        var file = ConformanceRun.FindScripts(SuiteFolder).Single(candidate => candidate.DisplayName == script);
        using var runner = new WorkerScriptRunner(new DriverSource(typeof(MinimalProvider).Assembly.Location));

        var result = ConformanceRun.Run([file], runner).Scripts.Single();

        if (result.Outcome == ScriptOutcome.Skipped)
        {
            output.WriteLine($"skipped: {result.SkipReason}");
        }

        // Each failure names its script line, the rules it concerns and what was expected against what happened.
        var failures = result.Failures.Select(failure =>
            $"{script}:{failure.Location.Line} {failure.Step} [{string.Join(", ", failure.RuleIds)}]: {failure.Message}");
        Assert.True(result.Outcome != ScriptOutcome.Failed, string.Join(Environment.NewLine, failures));
    }
}
