using NetDma.ConformanceKit.Concurrency;
using NetDma.ConformanceKit.Running;
using NetDma.ConformanceKit.Tests.BrokenProviders;

namespace NetDma.ConformanceKit.Tests.Concurrency;

/// <summary>
/// NetDMA's wait for a channel's outstanding DMA before ProviderFreeDmaChannel, inside a <c>concurrently</c> block.
/// NetDMA frees a suspended channel by resuming it and waiting for its outstanding DMA before ProviderFreeDmaChannel
/// (nc-netdma-dma_channel_free_handler.md), here while a <c>concurrently</c> block's hardware lane runs. Both providers
/// are correct; before the kit's fixes the rewritten ones failed on schedule 1 with NDMA2002 (the kit's idle hardware
/// lost the resume's progress and deadlocked with the waiting processor, and Coyote's interrupt was reported as a
/// driver crash) and the unrewritten ones with a false NDMA5009 (schedules 15 and 29 of seed 1: the reread check armed
/// after ProviderResumeDma returned, when the engine had already completed a descriptor). And a free whose DMA never
/// completes is NDMA3030 as in sequential mode; before, the processor waiting for the hardware and the idle hardware
/// waiting for that processor deadlocked, reported as NDMA2002 (a ThreadInterruptedException). And the wait ends only
/// between engine steps: the step that writes a descriptor's data goes on to write its completion status. docs/concurrency.md.
/// </summary>
public sealed class ConcurrentFreeWaitTests
{
    private const string FreeWhileTheEngineHasWork = """
        title "free from cpu1 while the hardware runs"
        platform processors=2 msix=on netdma=1.1
        add_device
        start_device
        buffer src 8192 fill=pattern
        buffer dst 8192
        chain c0 src+0->dst+0:1024 interrupt=last status=on
        allocate ch0 mask=0b01
        assert_status STATUS_SUCCESS
        start ch0 c0
        concurrently
          run
          free ch0 cpu=1
        end
        assert_copied src+0 dst+0 1024
        assert_no_violation
        """;

    [Fact]
    public void A_free_whose_DMA_never_completes_is_NDMA3030_under_every_first_schedule_and_the_reference_provider_is_silent()
    {
        for (uint seed = 1; seed <= 8; seed++)
        {
            var found = ScheduleExplorationTests.Explore(FreeWhileTheEngineHasWork, new ScheduleOptions(1, ScheduleStrategy.Random, seed),
                new TypeDriverFactory(typeof(StartIgnoredProvider), null));

            Assert.True(found.Outcome == ScriptOutcome.Failed, $"seed {seed}: " + ScheduleExplorationTests.Describe(found));
            Assert.Equal("NDMA3030", Assert.Single(found.Violations).Rule.Id);
        }

        var reference = ScheduleExplorationTests.Explore(FreeWhileTheEngineHasWork, new ScheduleOptions(50, ScheduleStrategy.Random, Seed: 1));
        Assert.True(reference.Outcome == ScriptOutcome.Passed, ScheduleExplorationTests.Describe(reference));
        Assert.Equal(50, reference.Schedules!.SchedulesRun);
    }

    internal const string FreeOfASuspendedChannel = """
        title "free of a suspended channel from cpu1 while the hardware runs"
        platform processors=2 msix=on netdma=1.1
        add_device
        start_device
        buffer src 8192 fill=pattern
        buffer dst 8192
        chain c0 src+0->dst+0:1024 src+1024->dst+1024:1024 src+2048->dst+2048:1024 interrupt=last status=on
        allocate ch0 mask=0b01
        assert_status STATUS_SUCCESS
        start ch0 c0
        suspend ch0
        concurrently
          run
          free ch0 irql=DISPATCH_LEVEL cpu=1
        end
        assert_copied src+0 dst+0 3072
        assert_no_violation
        """;

    [Theory]
    [InlineData(typeof(global::NetDma.ReferenceProvider.NetDma.ReferenceNetDmaProviderDriver), true)]
    [InlineData(typeof(global::NetDma.Samples.MinimalProvider.MinimalProvider), true)]
    [InlineData(typeof(global::NetDma.ReferenceProvider.NetDma.ReferenceNetDmaProviderDriver), false)]
    [InlineData(typeof(global::NetDma.Samples.MinimalProvider.MinimalProvider), false)]
    public void A_free_of_a_suspended_channel_resumes_it_and_waits_for_its_DMA_while_the_hardware_runs(Type provider, bool rewritten)
    {
        var drivers = rewritten ? RewritingTests.RewrittenCopyOf(provider) : DriverAssemblyLoader.Load(provider.Assembly.Location, provider.FullName);
        var options = new ScheduleOptions(100, ScheduleStrategy.Random, Seed: 1);

        var result = ScheduleExplorationTests.Explore(FreeOfASuspendedChannel, options, drivers);

        Assert.True(result.Outcome == ScriptOutcome.Passed, ScheduleExplorationTests.Describe(result));
        Assert.Equal(options.Schedules, result.Schedules!.SchedulesRun);
    }

    /// <summary>
    /// NetDMA frees a channel only once no DMA operation is outstanding (nc-netdma-dma_channel_free_handler.md). The
    /// engine step that writes a descriptor's last destination byte goes on to write its completion status: the free
    /// must wait for the end of that step, not go ahead when the data is in place (found by explore --seed
    /// 0000000001G3 --schedules 20, case 41: the free cleared the channel between the data and the status write, and
    /// the reference engine wrote its status to address 0, NDMA5001).
    /// </summary>
    private const string FreeWhileTheLastStatusIsWritten = """
        title "free from cpu4 while the engine completes the chain (status on, no interrupt)"
        platform processors=6 msix=on netdma=1.1
        add_device
        start_device
        buffer src 8192 fill=pattern
        allocate ch0 mask=0x1 irql=DISPATCH_LEVEL cpu=0
        assert_status STATUS_SUCCESS
        buffer d0 515 fill=0xA5
        buffer d1 2521 fill=0xA5
        buffer d2 3750 fill=0xA5
        buffer d3 1271 fill=0xA5
        chain c0 src+6583->d0+0:515 src+591->d1+0:2521 src+2316->d2+0:3750 src+5292->d3+0:1271 interrupt=none status=on
        start ch0 c0 irql=DISPATCH_LEVEL cpu=0
        assert_status STATUS_SUCCESS
        concurrently
          run
          free ch0 irql=APC_LEVEL cpu=4
        end
        assert_copied src+6583 d0+0 515
        assert_copied src+5292 d3+0 1271
        assert_no_violation
        """;

    [Theory]
    [InlineData(typeof(global::NetDma.ReferenceProvider.NetDma.ReferenceNetDmaProviderDriver))]
    [InlineData(typeof(global::NetDma.Samples.MinimalProvider.MinimalProvider))]
    public void A_free_waits_for_the_engine_step_that_completes_the_last_descriptor(Type provider)
    {
        var options = new ScheduleOptions(100, ScheduleStrategy.Random, Seed: 0);

        var result = ScheduleExplorationTests.Explore(FreeWhileTheLastStatusIsWritten, options, RewritingTests.RewrittenCopyOf(provider));

        Assert.True(result.Outcome == ScriptOutcome.Passed, ScheduleExplorationTests.Describe(result));
        Assert.Equal(options.Schedules, result.Schedules!.SchedulesRun);
    }
}
