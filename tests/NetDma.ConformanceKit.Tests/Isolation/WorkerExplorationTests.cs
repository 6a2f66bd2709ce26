using NetDma.ConformanceKit.Exploration;
using NetDma.ConformanceKit.Rules;
using NetDma.ConformanceKit.Scripting;
using NetDma.ConformanceKit.Tests.BrokenProviders.ProcessKilling;

namespace NetDma.ConformanceKit.Tests.Isolation;

/// <summary>
/// Exploration through a worker: a provider that kills its process on the first allocate is found, reported as
/// NDMA2002 and shrunk, each crashing candidate running in a fresh worker; the minimal script replays to the same
/// crash. Fixed seed: the same cases and the same minimal script on every machine.
/// </summary>
public sealed class WorkerExplorationTests
{
    private const string Seed = "0000000001G3";

    [Fact]
    public void A_process_killing_provider_is_found_shrunk_in_fresh_workers_and_replayed()
    {
        using var runner = WorkerTestKit.For<FailFastProvider>();

        var result = Explorer.Explore(runner, new ExplorationOptions { Seed = Seed, Iterations = 20, ShrinkIterations = 60 });

        var failure = Assert.IsType<ExplorationFailure>(result.Failure);
        Assert.Contains(StatusRules.CallbackReturns.Id, failure.BrokenRules);
        Assert.True(failure.Reproduced, $"seed {failure.Seed} did not crash again on replay");
        Assert.True(runner.WorkersStarted > 2, $"{runner.WorkersStarted} worker(s): the first case, its shrink candidates and the replay each crash one");
        var replay = runner.Run(ScriptParser.Parse(failure.Script, "minimal.ndma"));
        Assert.Contains(replay.Failures, f => f.RuleIds.Contains(StatusRules.CallbackReturns.Id) && f.Message.Contains("ProviderAllocateDmaChannel", StringComparison.Ordinal));
    }
}
