using NetDma.ConformanceKit.Running;
using NetDma.ConformanceKit.Tests.BrokenProviders;
using NetDma.ConformanceKit.Tests.BrokenProviders.ProcessKilling;
using NetDma.ConformanceKit.Tests.Support;

namespace NetDma.ConformanceKit.Tests.Isolation;

/// <summary>
/// Several scripts in one request to the worker (<see cref="IScriptRunner.RunUntilFailure"/>) give the results of
/// running them one at a time up to the first failure: a script that kills the worker or hangs in the middle of a
/// batch is reported as itself and is the last result, the scripts before it keep their own results, and the next
/// script runs in a fresh worker.
/// </summary>
public sealed class WorkerBatchTests
{
    [Theory]
    [InlineData(typeof(FailFastProvider), "NDMA2002")]
    [InlineData(typeof(ExitingProvider), "NDMA2002")]
    [InlineData(typeof(HangingProvider), "NDMA2003")]
    public void A_death_in_the_middle_of_a_batch_is_charged_to_its_own_script_and_ends_the_batch(Type provider, string rule)
    {
        using var runner = WorkerTestKit.For(provider, TimeSpan.FromSeconds(2));

        var results = runner.RunUntilFailure([IsolationScripts.Following, IsolationScripts.Following, IsolationScripts.Crash, IsolationScripts.Following]);
        var next = runner.Run(IsolationScripts.Following);

        Assert.Equal([ScriptOutcome.Passed, ScriptOutcome.Passed, ScriptOutcome.Failed], results.Select(r => r.Outcome));
        Assert.Equal([IsolationScripts.FollowingFile, IsolationScripts.FollowingFile, IsolationScripts.CrashFile], results.Select(r => r.File));
        var failure = Assert.Single(results[2].Failures, f => f.RuleIds.Contains(rule));
        Assert.Equal(IsolationScripts.AllocateLine, failure.Location.Line);
        Assert.Contains("ProviderAllocateDmaChannel", failure.Message, StringComparison.Ordinal);
        Assert.Equal(ScriptOutcome.Passed, next.Outcome);
        Assert.Equal(2, runner.WorkersStarted);
    }

    [Fact]
    public void A_batch_ends_at_its_first_failing_script_when_the_worker_lives_on()
    {
        using var runner = WorkerTestKit.For<CpuOutsideMaskProvider>();

        var results = runner.RunUntilFailure([IsolationScripts.Following, IsolationScripts.Crash, IsolationScripts.Following]);

        Assert.Equal([ScriptOutcome.Passed, ScriptOutcome.Failed], results.Select(r => r.Outcome));
        Assert.Contains(results[1].Failures, f => f.RuleIds.Contains("NDMA3004"));
        Assert.Equal(1, runner.WorkersStarted);
    }

    [Fact]
    public void A_batch_gives_each_script_the_checks_and_evaluations_it_gets_alone()
    {
        using var batched = WorkerTestKit.ForReference();
        using var alone = WorkerTestKit.ForReference();
        var scripts = BundledScripts.ConformanceFiles.Take(6).Select(f => ConformanceKit.Scripting.ScriptParser.Parse(File.ReadAllText(f.Path), f.DisplayName)).ToList();

        var together = batched.RunUntilFailure(scripts);
        var oneByOne = scripts.Select(alone.Run).ToList();

        Assert.Equal(oneByOne.Select(Describe), together.Select(Describe));
        Assert.All(together, r => Assert.NotEmpty(r.Evaluations));
        Assert.Equal(1, batched.WorkersStarted);
    }

    private static string Describe(ScriptResult result) =>
        $"{result.File} {result.Outcome} {result.SkipReason}\n" +
        string.Join("\n", result.Checks.Select(c => $"{c.Location} {c.Step} {c.Passed} [{string.Join(",", c.RuleIds)}] {c.Message}")) + "\n" +
        string.Join(",", result.Evaluations.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}={e.Value}"));
}
