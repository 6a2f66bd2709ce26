using NetDma.ConformanceKit.Host;
using NetDma.Contracts.NetDma;
using NetDma.Contracts.Platform;

namespace NetDma.ConformanceKit.Tests.Host;

/// <summary>
/// The interrupt bookkeeping of one channel's <see cref="EngineProgress"/>, which keeps the descriptors waiting for each
/// step (ISR, DPC, the end-of-run judgment) and the fetched ones instead of scanning every descriptor ever submitted:
/// each completed interrupting descriptor is judged once, in submission order even when the engine completed them in
/// another; an ISR covers every one completed before it and a DPC every one an ISR signalled; a descriptor submitted
/// again at the same address replaces the old record everywhere; a data access is attributed to the first descriptor
/// in submission order that is in flight and overlaps it.
/// </summary>
public sealed class EngineProgressTests
{
    private const NetDmaDescriptorControlFlags Interrupting = NetDmaDescriptorControlFlags.NET_DMA_INTERRUPT_ON_COMPLETION;

    [Fact]
    public void Interrupts_completed_out_of_submission_order_are_judged_once_each_in_submission_order()
    {
        var progress = new EngineProgress();
        var chain = Chain(0x10000, 3);
        progress.Start(chain, Specs(3, Interrupting));

        Complete(progress, chain, 2);
        Complete(progress, chain, 0);
        Complete(progress, chain, 1);

        Assert.Equal([chain.Descriptor(0), chain.Descriptor(1), chain.Descriptor(2)], progress.TakeInterruptsToJudge().Select(d => d.Address));
        Assert.Empty(progress.TakeInterruptsToJudge());
    }

    [Fact]
    public void An_ISR_covers_the_completions_before_it_and_a_DPC_only_what_an_ISR_signalled()
    {
        var progress = new EngineProgress();
        var chain = Chain(0x10000, 3);
        progress.Start(chain, Specs(3, Interrupting));

        Complete(progress, chain, 0);
        progress.MarkIsr();
        Complete(progress, chain, 1);
        progress.MarkInterruptDpc(chain.Descriptor(0));

        var records = Records(progress, chain);
        Assert.Equal([true, false, false], records.Select(d => d.IsrCalled));
        Assert.Equal([true, false, false], records.Select(d => d.DpcCalled));

        progress.MarkIsr();
        progress.MarkInterruptDpc(chain.Descriptor(1));
        Assert.Equal([true, true, false], records.Select(d => d.IsrCalled));
        Assert.Equal([true, true, false], records.Select(d => d.DpcCalled));
    }

    [Fact]
    public void A_descriptor_submitted_again_at_its_address_replaces_the_old_record_in_every_wait()
    {
        var progress = new EngineProgress();
        var first = Chain(0x10000, 2);
        progress.Start(first, Specs(2, Interrupting));
        Complete(progress, first, 0);
        Complete(progress, first, 1);
        var old = progress.Find(first.Descriptor(0))!;

        progress.Start(Chain(0x10000, 1), Specs(1, Interrupting)); // the first descriptor's address, submitted again
        progress.MarkIsr();

        Assert.False(old.IsrCalled, "the replaced record is no longer the channel's");
        Assert.False(progress.Find(first.Descriptor(0))!.IsrCalled, "the new record has not completed");
        Assert.True(progress.Find(first.Descriptor(1))!.IsrCalled);
        Assert.Equal([first.Descriptor(1)], progress.TakeInterruptsToJudge().Select(d => d.Address));
    }

    [Fact]
    public void A_data_access_belongs_to_the_first_in_flight_descriptor_in_submission_order_that_it_overlaps()
    {
        var progress = new EngineProgress();
        var chain = Chain(0x10000, 3);
        // Descriptors 0 and 2 write the same destination page; 1 writes elsewhere.
        progress.Start(chain, [Spec(0x40000, 0x50000), Spec(0x40000, 0x60000), Spec(0x40000, 0x50000)]);
        var records = Records(progress, chain);
        progress.MarkFetched(records[2]);
        progress.MarkFetched(records[0]);
        progress.MarkFetched(records[1]);

        Assert.Same(records[0], progress.InFlightTouching(0x50010, 0x50020, write: true));
        Assert.Same(records[1], progress.InFlightTouching(0x60000, 0x60004, write: true));
        Assert.Same(records[0], progress.InFlightTouching(0x40000, 0x40001, write: false));
        Assert.Null(progress.InFlightTouching(0x70000, 0x70040, write: true));

        progress.MarkCompleted(records[0]);
        Assert.Same(records[2], progress.InFlightTouching(0x50010, 0x50020, write: true));
        progress.MarkCompleted(records[2]);
        Assert.Null(progress.InFlightTouching(0x50010, 0x50020, write: true));
    }

    private static SubmittedChain Chain(ulong at, uint count) => new(new VirtualAddress(at), new PhysicalAddress(at), count);

    private static DescriptorSpec Spec(ulong source, ulong destination, NetDmaDescriptorControlFlags flags = 0) =>
        new(new PhysicalAddress(source), new PhysicalAddress(destination), 64, flags);

    private static DescriptorSpec[] Specs(int count, NetDmaDescriptorControlFlags flags) =>
        [.. Enumerable.Range(0, count).Select(i => Spec(0x40000 + (ulong)i * 64, 0x50000 + (ulong)i * 64, flags))];

    private static DescriptorProgress[] Records(EngineProgress progress, SubmittedChain chain) =>
        [.. Enumerable.Range(0, (int)chain.Count).Select(i => progress.Find(chain.Descriptor(i))!)];

    private static void Complete(EngineProgress progress, SubmittedChain chain, int index)
    {
        var descriptor = progress.Find(chain.Descriptor(index))!;
        progress.MarkFetched(descriptor);
        progress.MarkCompleted(descriptor);
    }
}
