using NetDma.ConformanceKit.Concurrency;
using NetDma.ConformanceKit.Concurrency.Rewriting;
using NetDma.ConformanceKit.Running;

namespace NetDma.ConformanceKit.Tests.Concurrency;

/// <summary>
/// NetDMA frees a suspended channel by resuming it and waiting for its outstanding DMA before ProviderFreeDmaChannel
/// (nc-netdma-dma_channel_free_handler.md), here while a <c>concurrently</c> block's hardware lane runs. Both providers
/// are correct; before the kit's fixes the rewritten ones failed on schedule 1 with NDMA2002 (the kit's idle hardware
/// lost the resume's progress and deadlocked with the waiting processor, and Coyote's interrupt was reported as a
/// driver crash) and the unrewritten ones with a false NDMA5009 (schedules 15 and 29 of seed 1: the reread check armed
/// after ProviderResumeDma returned, when the engine had already completed a descriptor). docs/concurrency.md.
/// </summary>
public sealed class FreeOfASuspendedChannelTests
{
    private static readonly string Cache = Path.Combine(Path.GetTempPath(), "netdma-kit-tests", "rewritten");

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
        var drivers = rewritten
            ? DriverAssemblyLoader.Load(provider.Assembly.Location, provider.FullName, ProviderRewriter.Create(Cache))
            : DriverAssemblyLoader.Load(provider.Assembly.Location, provider.FullName);
        var options = new ScheduleOptions(100, ScheduleStrategy.Random, Seed: 1);

        var result = ScheduleExplorationTests.Explore(FreeOfASuspendedChannel, options, drivers);

        Assert.True(result.Outcome == ScriptOutcome.Passed, ScheduleExplorationTests.Describe(result));
        Assert.Equal(options.Schedules, result.Schedules!.SchedulesRun);
    }
}
