using System.Diagnostics;
using NetDma.ConformanceKit.Rules;
using NetDma.ConformanceKit.Running;
using NetDma.ConformanceKit.Tests.BrokenProviders;
using NetDma.ConformanceKit.Tests.BrokenProviders.ProcessKilling;
using NetDma.ConformanceKit.Tests.Support;

namespace NetDma.ConformanceKit.Tests.Isolation;

/// <summary>
/// Every way a provider can take its process down or hold it forever, run in a worker: the script that triggers it
/// fails with the crash rule (NDMA2002) or the hang rule (NDMA2003) at the <c>allocate</c> line, naming the routine that
/// was running and the call sequence; the next script runs in a fresh worker and passes.
/// </summary>
public sealed class WorkerDeathTests
{
    public static TheoryData<Type, string, string> Misbehaviours => new()
    {
        { typeof(FailFastProvider), StatusRules.CallbackReturns.Id, FailFastProvider.Message },
        { typeof(StackOverflowProvider), StatusRules.CallbackReturns.Id, "Stack overflow" },
        { typeof(ExitingProvider), StatusRules.CallbackReturns.Id, $"exit code {ExitingProvider.ExitCode}" },
        { typeof(ThreadCrashProvider), StatusRules.CallbackReturns.Id, ThreadCrashProvider.Message },
        { typeof(OutOfMemoryProvider), StatusRules.CallbackReturns.Id, "OutOfMemoryException" },
        { typeof(SpinningProvider), StatusRules.CallbackTerminates.Id, "killed after" },
        { typeof(HangingProvider), StatusRules.CallbackTerminates.Id, "killed after" },
    };

    [Theory]
    [MemberData(nameof(Misbehaviours))]
    public void The_misbehaving_script_fails_with_its_rule_at_the_allocate_line_and_the_next_script_passes(Type provider, string rule, string evidence)
    {
        using var runner = new ConformanceKit.Isolation.WorkerScriptRunner(new DriverSource(WorkerTestKit.TestAssembly, provider.FullName),
            new ConformanceKit.Isolation.WorkerOptions { Watchdog = WorkerTestKit.Watchdog, HeapLimitBytes = WorkerTestKit.SmallHeap });

        var crashed = runner.Run(IsolationScripts.Crash);
        var following = runner.Run(IsolationScripts.Following);

        var seen = string.Join("\n", crashed.Checks.Select(c => $"{c.Location} {c.Step} {c.Passed} [{string.Join(",", c.RuleIds)}] {c.Message}"));
        Assert.True(crashed.Outcome == ScriptOutcome.Failed, seen);
        Assert.True(crashed.Failures.Count(f => f.RuleIds.Contains(rule)) == 1, seen);
        var failure = crashed.Failures.Single(f => f.RuleIds.Contains(rule));
        Assert.Equal(IsolationScripts.AllocateLine, failure.Location.Line);
        Assert.Equal(IsolationScripts.CrashFile, failure.Location.File);
        Assert.True(failure.Message.Contains("ProviderAllocateDmaChannel", StringComparison.Ordinal), seen);
        Assert.True(failure.Message.Contains(evidence, StringComparison.Ordinal), seen);
        Assert.Contains("call sequence", failure.Message);
        Assert.Contains("system -> AddDevice", failure.Message);
        var violation = Assert.Single(crashed.Violations, v => v.Rule.Id == rule);
        Assert.Equal(IsolationScripts.AllocateLine, violation.Location?.Line);
        Assert.True(following.Outcome == ScriptOutcome.Passed, string.Join("\n", following.Failures.Select(f => f.Message)));
        Assert.InRange(runner.WorkersStarted, 1, 2);
    }

    [Theory]
    [InlineData(typeof(FailFastProvider))]
    [InlineData(typeof(StackOverflowProvider))]
    [InlineData(typeof(ExitingProvider))]
    [InlineData(typeof(ThreadCrashProvider))]
    public void A_worker_that_died_is_replaced_by_a_fresh_one(Type provider)
    {
        using var runner = new ConformanceKit.Isolation.WorkerScriptRunner(new DriverSource(WorkerTestKit.TestAssembly, provider.FullName),
            new ConformanceKit.Isolation.WorkerOptions { Watchdog = WorkerTestKit.Watchdog });

        runner.Run(IsolationScripts.Crash);
        runner.Run(IsolationScripts.Following);

        Assert.Equal(2, runner.WorkersStarted);
        Assert.True(Process.GetProcesses().All(p => p.Id != runner.WorkerProcessIds[0]), "the dead worker is gone");
    }

    [Fact]
    public void A_spinning_worker_is_killed_so_it_keeps_no_CPU()
    {
        using var runner = WorkerTestKit.For<SpinningProvider>(TimeSpan.FromSeconds(2));

        var result = runner.Run(IsolationScripts.Crash);

        Assert.Contains(result.Failures, f => f.Step == ScriptExecutionSteps.DriverHung);
        Assert.True(Process.GetProcesses().All(p => p.Id != runner.WorkerProcessIds[0]), "the spinning worker was killed");
    }

    [Fact]
    public void A_provider_writing_junk_to_its_console_gets_the_reference_verdicts()
    {
        using var runner = WorkerTestKit.For<JunkWritingProvider>();

        var file = BundledScripts.ConformanceFiles.Single(f => f.DisplayName.EndsWith("05-copy-single-descriptor.ndma", StringComparison.Ordinal));
        var result = runner.Run(ConformanceKit.Scripting.ScriptParser.Parse(File.ReadAllText(file.Path), file.DisplayName));

        Assert.True(result.Outcome == ScriptOutcome.Passed, string.Join("\n", result.Failures.Select(f => f.Message)));
        Assert.Equal(1, runner.WorkersStarted);
    }
}
