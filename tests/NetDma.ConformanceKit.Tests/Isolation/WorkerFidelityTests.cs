using NetDma.ConformanceKit.Cli;
using NetDma.ConformanceKit.Running;
using NetDma.ConformanceKit.Tests.BrokenProviders;
using NetDma.ConformanceKit.Tests.Support;

namespace NetDma.ConformanceKit.Tests.Isolation;

/// <summary>
/// The worker protocol loses nothing: a run in a worker gives exactly the results of the same run in this process,
/// check for check, whatever the size of the observation journal (a small one is drained many times per script, and
/// some records are longer than it), and a violation is located at the command during which it was observed in both modes.
/// </summary>
public sealed class WorkerFidelityTests
{
    [Theory]
    [InlineData(null)]
    [InlineData(512)]
    public void The_bundled_suite_in_a_worker_gives_the_in_process_results_check_for_check(int? journalCapacity)
    {
        using var worker = WorkerTestKit.ForReference(journalCapacity: journalCapacity);

        var isolated = ConformanceRun.Run(BundledScripts.ConformanceFiles, worker);
        var inProcess = ConformanceRun.Run(BundledScripts.ConformanceFiles, DriverRunners.ReferenceDrivers, ConformanceRun.DefaultWatchdog);

        Assert.Equal(inProcess.Driver, isolated.Driver);
        Assert.Equal(inProcess.Scripts.Count, isolated.Scripts.Count);
        foreach (var (expected, actual) in inProcess.Scripts.Zip(isolated.Scripts))
        {
            Assert.Equal(expected.Outcome, actual.Outcome);
            Assert.Equal(expected.Title, actual.Title);
            Assert.Equal(Describe(expected.Checks), Describe(actual.Checks));
            Assert.Equal(expected.Violations.Select(v => v.Message), actual.Violations.Select(v => v.Message));
        }

        Assert.Equal(1, worker.WorkersStarted);
    }

    [Fact]
    public void A_violation_is_located_at_the_allocate_that_caused_it_in_a_worker_and_in_process()
    {
        using var worker = WorkerTestKit.For<CpuOutsideMaskProvider>();
        using var inProcess = new InProcessScriptRunner(new TypeDriverFactory(typeof(CpuOutsideMaskProvider), null), ConformanceRun.DefaultWatchdog);

        foreach (var runner in new IScriptRunner[] { worker, inProcess })
        {
            var result = runner.Run(IsolationScripts.Crash);

            var failure = Assert.Single(result.Failures, f => f.RuleIds.Contains("NDMA3004"));
            Assert.Equal(IsolationScripts.AllocateLine, failure.Location.Line);
            Assert.Equal(1, failure.Location.Column);
        }
    }

    [Fact]
    public void A_provider_assembly_without_drivers_is_a_load_error_not_a_crash()
    {
        var error = Assert.Throws<DriverLoadException>(() =>
            new ConformanceKit.Isolation.WorkerScriptRunner(new DriverSource(typeof(Xunit.FactAttribute).Assembly.Location)));

        Assert.Contains("INetDmaProviderDriver", error.Message);
    }

    private static IEnumerable<string> Describe(IReadOnlyList<CheckResult> checks) =>
        checks.Select(c => $"{c.Location} {c.Step} {c.Passed} [{string.Join(",", c.RuleIds)}] {c.Message}");
}
