using NetDma.ConformanceKit.Host;
using NetDma.ConformanceKit.Memory;
using NetDma.Contracts.NetDma;
using NetDma.Contracts.Platform;

namespace NetDma.ConformanceKit.Tests.Host;

/// <summary>
/// The descriptor chains NetDMA writes for ProviderStartDma/ProviderAppendDma, read back from simulated physical
/// memory at the addresses the provider received: NULL-terminated in NetDMA 1.x (an append links the old last
/// descriptor), unterminated in 2.0 (the last NextDescriptor names the next slot), poison in every slot not submitted
/// (nc-netdma-dma_start_handler.md, nc-netdma-dma_append_handler.md).
/// </summary>
public sealed class DescriptorRingTests
{
    private const int Size = NetDmaDescriptor.SizeInBytes;

    private static readonly CallSite Dispatch = CallSite.ChannelOperationDefault;

    private static HostTestKit WithChannel(uint netDmaMajor)
    {
        var kit = new HostTestKit(new HostOptions(NetDmaMajor: netDmaMajor, NetDmaMinor: 0));
        kit.RegisterAndStart(kit.Provider.Characteristics(majorVersion: (byte)netDmaMajor));
        kit.Allocate("ch0");
        return kit;
    }

    private static PhysicalAddress Slot(PhysicalAddress first, int index) => first.Offset((ulong)(index * Size));

    private static void AssertPoison(NetDmaDescriptor descriptor)
    {
        Assert.Equal(DescriptorRing.PoisonAddress, descriptor.SourceAddress);
        Assert.Equal(DescriptorRing.PoisonAddress, descriptor.DestinationAddress);
        Assert.Equal(64u, descriptor.TransferSize);
        Assert.Equal(NetDmaDescriptorControlFlags.None, descriptor.ControlFlags);
        Assert.True(descriptor.NextDescriptor.IsNull);
    }

    [Fact]
    public void NetDMA_2_0_chain_is_not_NULL_terminated_its_last_NextDescriptor_names_the_next_slot()
    {
        var kit = WithChannel(2);
        var specs = kit.Copies(3, NetDmaDescriptorControlFlags.NET_DMA_INTERRUPT_ON_COMPLETION);

        kit.Host.StartDma("ch0", specs, Dispatch);

        var (_, _, first, count) = kit.Provider.Submissions.Single();
        Assert.Equal(3u, count);
        for (var i = 0; i < 3; i++)
        {
            var descriptor = kit.ReadDescriptor(Slot(first, i));
            Assert.Equal(specs[i].Source, descriptor.SourceAddress);
            Assert.Equal(specs[i].Destination, descriptor.DestinationAddress);
            Assert.Equal(64u, descriptor.TransferSize);
            Assert.Equal(NetDmaDescriptorControlFlags.NET_DMA_INTERRUPT_ON_COMPLETION, descriptor.ControlFlags);
            Assert.Equal(Slot(first, i + 1), descriptor.NextDescriptor);
        }

        AssertPoison(kit.ReadDescriptor(Slot(first, 3)));
    }

    [Fact]
    public void A_channel_allocated_again_under_its_name_reuses_the_freed_ring_poisoned_afresh()
    {
        var kit = WithChannel(2);
        var freed = kit.Host.Channels["ch0"];
        kit.Kernel.Memory.Fill(freed.Ring.Buffer, 0, 4 * Size, 0xAB); // what a chain of the freed channel left there
        kit.Host.FreeChannel("ch0", Dispatch);

        var again = kit.Allocate("ch0");
        var other = kit.Allocate("ch1");

        Assert.Same(freed.Ring.Buffer, again.Ring.Buffer);
        Assert.NotSame(freed.Ring.Buffer, other.Ring.Buffer);
        for (var slot = 0; slot < 4; slot++)
        {
            AssertPoison(again.Ring.DescriptorAt(Slot(again.Ring.Buffer.PhysicalBase, slot)));
            Assert.Equal(DescriptorRing.UserContext1Of(slot), again.Ring.DescriptorAt(Slot(again.Ring.Buffer.PhysicalBase, slot)).UserContext1);
        }

        kit.Host.StartDma("ch0", kit.Copies(1), Dispatch);
        var (_, _, first, _) = kit.Provider.Submissions[^1];
        Assert.Equal(again.Ring.Buffer.PhysicalBase, first);
        kit.AssertSilent();
    }

    [Fact]
    public void NetDMA_1x_chain_is_NULL_terminated()
    {
        var kit = WithChannel(1);

        kit.Host.StartDma("ch0", kit.Copies(3), Dispatch);

        var (_, _, first, _) = kit.Provider.Submissions.Single();
        Assert.Equal(Slot(first, 1), kit.ReadDescriptor(Slot(first, 0)).NextDescriptor);
        Assert.Equal(Slot(first, 2), kit.ReadDescriptor(Slot(first, 1)).NextDescriptor);
        Assert.Equal(PhysicalAddress.Null, kit.ReadDescriptor(Slot(first, 2)).NextDescriptor);
    }

    [Fact]
    public void NetDMA_1x_append_links_the_previous_last_descriptor_to_the_new_chain()
    {
        var kit = WithChannel(1);
        kit.Host.StartDma("ch0", kit.Copies(2), Dispatch);

        kit.Host.AppendDma("ch0", kit.Copies(2), Dispatch);

        var started = kit.Provider.Submissions[0].First;
        var appended = kit.Provider.Submissions[1].First;
        Assert.Equal(appended, kit.ReadDescriptor(Slot(started, 1)).NextDescriptor);
        Assert.Equal(Slot(appended, 1), kit.ReadDescriptor(appended).NextDescriptor);
        Assert.Equal(PhysicalAddress.Null, kit.ReadDescriptor(Slot(appended, 1)).NextDescriptor);
    }

    [Fact]
    public void NetDMA_2_0_append_starts_where_the_previous_last_NextDescriptor_already_points()
    {
        var kit = WithChannel(2);
        kit.Host.StartDma("ch0", kit.Copies(2), Dispatch);

        kit.Host.AppendDma("ch0", kit.Copies(2), Dispatch);

        var started = kit.Provider.Submissions[0].First;
        var appended = kit.Provider.Submissions[1].First;
        Assert.Equal(appended, kit.ReadDescriptor(Slot(started, 1)).NextDescriptor);
        Assert.Equal(Slot(appended, 2), kit.ReadDescriptor(Slot(appended, 1)).NextDescriptor);
        AssertPoison(kit.ReadDescriptor(Slot(appended, 2)));
    }

    [Fact]
    public void NetDMA_1x_start_after_abort_does_not_link_the_aborted_chain()
    {
        var kit = WithChannel(1);
        kit.Host.StartDma("ch0", kit.Copies(2), Dispatch);
        kit.Host.AbortDma("ch0", Dispatch);

        kit.Host.StartDma("ch0", kit.Copies(1), Dispatch);

        var aborted = kit.Provider.Submissions[0].First;
        Assert.Equal(PhysicalAddress.Null, kit.ReadDescriptor(Slot(aborted, 1)).NextDescriptor);
        Assert.Equal(PhysicalAddress.Null, kit.ReadDescriptor(kit.Provider.Submissions[1].First).NextDescriptor);
    }

    [Fact]
    public void Every_slot_not_submitted_holds_the_poison_descriptor()
    {
        var kit = WithChannel(2);
        var ring = kit.Host.Channels["ch0"].Ring.Buffer;

        kit.Host.StartDma("ch0", kit.Copies(2), Dispatch);

        Assert.Equal(MemoryKind.DescriptorRing, ring.Kind);
        Assert.Equal((ulong)(DescriptorRing.Capacity * Size), ring.Size);
        for (var slot = 2; slot < DescriptorRing.Capacity; slot++)
        {
            AssertPoison(kit.ReadDescriptor(Slot(ring.PhysicalBase, slot)));
        }
    }

    [Fact]
    public void Provider_receives_the_virtual_and_physical_address_of_the_same_first_descriptor_and_NetDMA_remembers_every_descriptor()
    {
        var kit = WithChannel(2);

        kit.Host.StartDma("ch0", kit.Copies(3), Dispatch);

        var (_, firstVirtual, first, _) = kit.Provider.Submissions.Single();
        Assert.Equal(first, kit.Kernel.Memory.ToPhysical(firstVirtual));
        Assert.Equal(0ul, first.QuadPart % Size);
        Assert.Equal([first, Slot(first, 1), Slot(first, 2)], kit.Host.Channels["ch0"].Submitted.OrderBy(a => a.QuadPart));
    }

    [Fact]
    public void More_descriptors_than_the_ring_holds_is_a_script_sequence_error()
    {
        var kit = WithChannel(2);
        var copy = kit.Copies(1)[0];
        kit.Host.StartDma("ch0", [.. Enumerable.Repeat(copy, DescriptorRing.Capacity - 1)], Dispatch);

        var error = Assert.Throws<ScriptSequenceException>(() => kit.Host.AppendDma("ch0", [copy], Dispatch));

        Assert.Equal($"channel 'ch0': channel descriptor ring holds {DescriptorRing.Capacity - 1} descriptors; {DescriptorRing.Capacity - 1} used, 1 more requested", error.Message);
        Assert.Single(kit.Provider.Submissions);
    }
}
