using System.Buffers.Binary;
using NetDma.Contracts.NetDma;
using NetDma.Contracts.Platform;
using NetDma.ReferenceProvider.NetDma;

namespace NetDma.ConformanceKit.Tests.ReferenceProvider;

/// <summary>The reference CopyEngine as hardware: commands and steps against a fake bus, no kernel.</summary>
public sealed class CopyEngineTests
{
    private const uint MessageId = 7;
    private static readonly PhysicalAddress Descriptors = new(0x10_0000);
    private static readonly PhysicalAddress Source = new(0x20_0000);
    private static readonly PhysicalAddress Destination = new(0x30_0000);
    private static readonly PhysicalAddress Completion = new(0x40_0000);

    private readonly FakeDeviceBus _bus = new();

    public CopyEngineTests()
    {
        _bus.Allocate(Descriptors.QuadPart, 16 * NetDmaDescriptor.SizeInBytes);
        _bus.Allocate(Source.QuadPart, 4 * 4096);
        _bus.Allocate(Destination.QuadPart, 4 * 4096);
        _bus.Allocate(Completion.QuadPart, CompletionStatus.SizeInBytes);
        var pattern = new byte[4 * 4096];
        for (var i = 0; i < pattern.Length; i++)
        {
            pattern[i] = (byte)(i * 7 + 3);
        }

        _bus.Poke(Source, pattern);
    }

    private static PhysicalAddress Slot(int index) => Descriptors.Offset((ulong)(index * NetDmaDescriptor.SizeInBytes));

    private CopyEngine NewEngine(bool chainsAreCounted, int channels = 1)
    {
        var engine = new CopyEngine(_bus, channels, chainsAreCounted, maximumTransferSize: 1 << 20);
        for (var channel = 0; channel < channels; channel++)
        {
            engine.RouteInterrupt(channel, MessageId + (uint)channel);
            engine.Assign(channel, Completion);
        }

        return engine;
    }

    private void WriteDescriptor(int slot, uint size, ulong sourceOffset, ulong destinationOffset, PhysicalAddress next,
        NetDmaDescriptorControlFlags flags = NetDmaDescriptorControlFlags.None)
    {
        var image = new byte[NetDmaDescriptor.SizeInBytes];
        new NetDmaDescriptor
        {
            TransferSize = size,
            ControlFlags = flags,
            SourceAddress = Source.Offset(sourceOffset),
            DestinationAddress = Destination.Offset(destinationOffset),
            NextDescriptor = next,
        }.Write(image);
        _bus.Poke(Slot(slot), image);
    }

    private void LinkNext(int slot, PhysicalAddress next)
    {
        var image = _bus.Peek(Slot(slot), NetDmaDescriptor.SizeInBytes);
        BinaryPrimitives.WriteUInt64LittleEndian(image.AsSpan(24), next.QuadPart);
        _bus.Poke(Slot(slot), image);
    }

    private ulong CompletionValue() => BinaryPrimitives.ReadUInt64LittleEndian(_bus.Peek(Completion, 8));

    private byte[] SourceBytes(ulong offset, int length) => _bus.Peek(Source.Offset(offset), length);

    private byte[] DestinationBytes(ulong offset, int length) => _bus.Peek(Destination.Offset(offset), length);

    private static int RunToIdle(CopyEngine engine)
    {
        var steps = 0;
        while (engine.Step())
        {
            steps++;
            Assert.True(steps < 1000, "the engine never went idle");
        }

        return steps;
    }

    [Fact]
    public void Step_copies_TransferSize_bytes_from_SourceAddress_to_DestinationAddress_and_nothing_else()
    {
        var engine = NewEngine(chainsAreCounted: true);
        WriteDescriptor(0, 100, sourceOffset: 10, destinationOffset: 20, next: Slot(1));
        engine.Start(0, Slot(0), 1);

        Assert.True(engine.Step());

        Assert.Equal(SourceBytes(10, 100), DestinationBytes(20, 100));
        Assert.Equal(new byte[20], DestinationBytes(0, 20));
        Assert.Equal(0, DestinationBytes(120, 1)[0]);
        Assert.Empty(_bus.FailedAccesses);
    }

    [Fact]
    public void Step_NetDMA_1x_chain_ends_at_the_NULL_NextDescriptor()
    {
        var engine = NewEngine(chainsAreCounted: false);
        WriteDescriptor(0, 16, 0, 0, next: Slot(1));
        WriteDescriptor(1, 16, 16, 16, next: PhysicalAddress.Null);
        engine.Start(0, Slot(0), descriptorCount: 0); // 1.x providers may ignore DescriptorCount

        Assert.Equal(2, RunToIdle(engine));
        Assert.Equal(SourceBytes(0, 32), DestinationBytes(0, 32));
        Assert.Equal(Slot(1), engine.GetLastProcessedDescriptor(0));
    }

    [Fact]
    public void Step_NetDMA_2_0_chain_stops_after_DescriptorCount_without_fetching_the_next_append_address()
    {
        var engine = NewEngine(chainsAreCounted: true);
        WriteDescriptor(0, 16, 0, 0, next: Slot(1));
        WriteDescriptor(1, 16, 16, 16, next: Slot(2)); // not NULL-terminated: Slot(2) is where the next append begins
        WriteDescriptor(2, 16, 32, 32, next: Slot(3));
        engine.Start(0, Slot(0), descriptorCount: 2);

        Assert.Equal(2, RunToIdle(engine));
        Assert.DoesNotContain(Slot(2).QuadPart, _bus.Reads);
        Assert.Equal(new byte[16], DestinationBytes(32, 16));
    }

    [Fact]
    public void Append_at_the_end_of_a_NetDMA_2_0_chain_rereads_the_last_descriptor_and_continues()
    {
        var engine = NewEngine(chainsAreCounted: true);
        WriteDescriptor(0, 16, 0, 0, next: Slot(1));
        engine.Start(0, Slot(0), 1);
        RunToIdle(engine);

        WriteDescriptor(1, 16, 16, 16, next: Slot(2));
        Assert.True(engine.Append(0, 1));
        var readsBefore = _bus.Reads.Count;

        Assert.Equal(1, RunToIdle(engine));
        Assert.Equal([Slot(0).QuadPart, Slot(1).QuadPart], _bus.Reads.Skip(readsBefore).Take(2));
        Assert.Equal(SourceBytes(16, 16), DestinationBytes(16, 16));
    }

    [Fact]
    public void Append_at_the_end_of_a_NetDMA_1x_chain_follows_the_newly_linked_NextDescriptor()
    {
        var engine = NewEngine(chainsAreCounted: false);
        WriteDescriptor(0, 16, 0, 0, next: PhysicalAddress.Null);
        engine.Start(0, Slot(0), 0);
        RunToIdle(engine);

        WriteDescriptor(5, 16, 100, 100, next: PhysicalAddress.Null);
        LinkNext(0, Slot(5)); // NetDMA links the old last descriptor before calling ProviderAppendDma
        Assert.True(engine.Append(0, 1));

        Assert.Equal(1, RunToIdle(engine));
        Assert.Equal(SourceBytes(100, 16), DestinationBytes(100, 16));
        Assert.Equal(Slot(5), engine.GetLastProcessedDescriptor(0));
    }

    [Fact]
    public void Append_mid_chain_needs_no_reread_and_the_chain_runs_on()
    {
        var engine = NewEngine(chainsAreCounted: true);
        WriteDescriptor(0, 16, 0, 0, next: Slot(1));
        WriteDescriptor(1, 16, 16, 16, next: Slot(2));
        WriteDescriptor(2, 16, 32, 32, next: Slot(3));
        engine.Start(0, Slot(0), 2);
        Assert.True(engine.Step());
        Assert.True(engine.Append(0, 1));

        Assert.Equal(2, RunToIdle(engine));
        Assert.Equal(SourceBytes(0, 48), DestinationBytes(0, 48));
    }

    [Fact]
    public void Append_without_a_started_chain_is_refused()
    {
        var engine = NewEngine(chainsAreCounted: true);

        Assert.False(engine.Append(0, 1));
        Assert.False(engine.Step());
    }

    [Fact]
    public void Status_update_writes_Active_while_descriptors_remain_and_Idle_for_the_last()
    {
        var engine = NewEngine(chainsAreCounted: true);
        const NetDmaDescriptorControlFlags status = NetDmaDescriptorControlFlags.NET_DMA_STATUS_UPDATE_ON_COMPLETION;
        WriteDescriptor(0, 16, 0, 0, next: Slot(1), status);
        WriteDescriptor(1, 16, 16, 16, next: Slot(2), status);
        engine.Start(0, Slot(0), 2);

        engine.Step();
        Assert.Equal(CompletionStatus.Encode(Slot(0), NetDmaTransferStatus.NetDmaTransferStatusActive), CompletionValue());
        engine.Step();
        Assert.Equal(CompletionStatus.Encode(Slot(1), NetDmaTransferStatus.NetDmaTransferStatusIdle), CompletionValue());
    }

    [Fact]
    public void Interrupt_on_completion_signals_the_channels_message_and_is_acknowledged_once()
    {
        var engine = NewEngine(chainsAreCounted: true);
        WriteDescriptor(0, 16, 0, 0, next: Slot(1));
        WriteDescriptor(1, 16, 16, 16, next: Slot(2), NetDmaDescriptorControlFlags.NET_DMA_INTERRUPT_ON_COMPLETION);
        engine.Start(0, Slot(0), 2);

        engine.Step();
        Assert.Empty(_bus.Interrupts);
        engine.Step();

        Assert.Equal([MessageId], _bus.Interrupts);
        Assert.True(engine.AcknowledgeInterrupt(0, out var descriptor));
        Assert.Equal(Slot(1), descriptor);
        Assert.False(engine.AcknowledgeInterrupt(0, out _));
    }

    [Fact]
    public void Suspend_stops_processing_reports_the_last_descriptor_and_writes_Suspend_status()
    {
        var engine = NewEngine(chainsAreCounted: true);
        const NetDmaDescriptorControlFlags status = NetDmaDescriptorControlFlags.NET_DMA_STATUS_UPDATE_ON_COMPLETION;
        WriteDescriptor(0, 16, 0, 0, next: Slot(1), status);
        WriteDescriptor(1, 16, 16, 16, next: Slot(2), status);
        engine.Start(0, Slot(0), 2);
        engine.Step();

        Assert.True(engine.Suspend(0, out var last));

        Assert.Equal(Slot(0), last);
        Assert.Equal(CompletionStatus.Encode(Slot(0), NetDmaTransferStatus.NetDmaTransferStatusSuspend), CompletionValue());
        Assert.False(engine.Step());
        Assert.Equal(new byte[16], DestinationBytes(16, 16));
        Assert.Equal(CopyEngineChannelState.Suspended, engine.GetState(0));
    }

    [Fact]
    public void Resume_rereads_the_last_descriptor_for_a_NextDescriptor_changed_while_suspended()
    {
        var engine = NewEngine(chainsAreCounted: false);
        WriteDescriptor(0, 16, 0, 0, next: Slot(1));
        WriteDescriptor(1, 16, 16, 16, next: PhysicalAddress.Null);
        WriteDescriptor(4, 16, 64, 64, next: PhysicalAddress.Null);
        engine.Start(0, Slot(0), 0);
        engine.Step();
        Assert.True(engine.Suspend(0, out _));

        LinkNext(0, Slot(4)); // NetDMA replaced descriptor 1 by descriptor 4 while suspended
        Assert.True(engine.Resume(0));

        Assert.Equal(1, RunToIdle(engine));
        Assert.Equal(SourceBytes(64, 16), DestinationBytes(64, 16));
        Assert.Equal(new byte[16], DestinationBytes(16, 16));
    }

    [Fact]
    public void Suspend_of_a_channel_that_is_not_running_and_Resume_of_one_not_suspended_are_refused()
    {
        var engine = NewEngine(chainsAreCounted: true);

        Assert.False(engine.Suspend(0, out _));
        Assert.False(engine.Resume(0));
    }

    [Fact]
    public void Abort_writes_Halted_and_processes_none_of_the_submitted_descriptors_until_a_new_start()
    {
        var engine = NewEngine(chainsAreCounted: true);
        const NetDmaDescriptorControlFlags status = NetDmaDescriptorControlFlags.NET_DMA_STATUS_UPDATE_ON_COMPLETION;
        WriteDescriptor(0, 16, 0, 0, next: Slot(1), status);
        WriteDescriptor(1, 16, 16, 16, next: Slot(2), status);
        engine.Start(0, Slot(0), 2);
        engine.Step();

        engine.Abort(0);

        Assert.Equal(CompletionStatus.Encode(Slot(0), NetDmaTransferStatus.NetDmaTransferStatusHalted), CompletionValue());
        Assert.False(engine.Step());
        Assert.False(engine.Append(0, 1));
        Assert.Equal(new byte[16], DestinationBytes(16, 16));

        engine.Start(0, Slot(1), 1);
        Assert.Equal(1, RunToIdle(engine));
        Assert.Equal(SourceBytes(16, 16), DestinationBytes(16, 16));
    }

    [Fact]
    public void Reset_returns_to_the_just_assigned_state_with_nothing_pending()
    {
        var engine = NewEngine(chainsAreCounted: true);
        WriteDescriptor(0, 16, 0, 0, next: Slot(1), NetDmaDescriptorControlFlags.NET_DMA_INTERRUPT_ON_COMPLETION);
        WriteDescriptor(1, 16, 16, 16, next: Slot(2));
        engine.Start(0, Slot(0), 2);
        engine.Step();

        engine.Reset(0);

        Assert.Equal(CopyEngineChannelState.Stopped, engine.GetState(0));
        Assert.Equal(PhysicalAddress.Null, engine.GetLastProcessedDescriptor(0));
        Assert.False(engine.AcknowledgeInterrupt(0, out _));
        Assert.False(engine.Step());
    }

    [Fact]
    public void Status_reporting_is_off_until_a_descriptor_asks_for_it()
    {
        var engine = NewEngine(chainsAreCounted: true);
        _bus.Poke(Completion, BitConverter.GetBytes(0xDEAD_BEEFUL));
        WriteDescriptor(0, 16, 0, 0, next: Slot(1));
        WriteDescriptor(1, 16, 16, 16, next: Slot(2));
        engine.Start(0, Slot(0), 2);
        engine.Step();

        Assert.True(engine.Suspend(0, out _));
        engine.Abort(0);

        Assert.Equal(0xDEAD_BEEFUL, CompletionValue());
    }

    [Fact]
    public void NULL_transfer_descriptor_moves_no_data()
    {
        var engine = NewEngine(chainsAreCounted: true);
        WriteDescriptor(0, 16, 0, 0, next: Slot(1), NetDmaDescriptorControlFlags.NET_DMA_NULL_TRANSFER);
        engine.Start(0, Slot(0), 1);

        Assert.True(engine.Step());
        Assert.Equal(new byte[16], DestinationBytes(0, 16));
        Assert.Equal([Slot(0).QuadPart], _bus.Reads);
    }

    [Fact]
    public void Destination_page_break_continues_at_NextDestinationAddress_after_the_first_page()
    {
        var engine = NewEngine(chainsAreCounted: true);
        var image = new byte[NetDmaDescriptor.SizeInBytes];
        new NetDmaDescriptor
        {
            TransferSize = 512,
            ControlFlags = NetDmaDescriptorControlFlags.NET_DMA_DESTINATION_PAGE_BREAK,
            SourceAddress = Source,
            DestinationAddress = Destination.Offset(4096 - 128),
            NextDescriptor = Slot(1),
            Reserved2 = Destination.Offset(2 * 4096).QuadPart, // NextDestinationAddress
        }.Write(image);
        _bus.Poke(Slot(0), image);
        engine.Start(0, Slot(0), 1);

        Assert.True(engine.Step());

        Assert.Equal(SourceBytes(0, 128), DestinationBytes(4096 - 128, 128));
        Assert.Equal(SourceBytes(128, 384), DestinationBytes(2 * 4096, 384));
        Assert.Equal(new byte[384], DestinationBytes(4096, 384));
    }

    [Fact]
    public void Unreachable_descriptor_faults_the_channel_and_signals_an_interrupt()
    {
        var engine = NewEngine(chainsAreCounted: true);
        var unallocated = new PhysicalAddress(0x90_0000);
        engine.Start(0, unallocated, 1);

        Assert.True(engine.Step());

        Assert.Equal(CopyEngineChannelState.Faulted, engine.GetState(0));
        Assert.Equal([MessageId], _bus.Interrupts);
        Assert.True(engine.AcknowledgeInterrupt(0, out var descriptor));
        Assert.Equal(unallocated, descriptor);
        Assert.False(engine.Step());
    }

    [Fact]
    public void Step_serves_running_channels_round_robin_one_descriptor_at_a_time()
    {
        var engine = NewEngine(chainsAreCounted: true, channels: 2);
        WriteDescriptor(0, 8, 0, 0, next: Slot(1));
        WriteDescriptor(1, 8, 8, 8, next: Slot(2));
        WriteDescriptor(8, 8, 64, 64, next: Slot(9));
        WriteDescriptor(9, 8, 72, 72, next: Slot(10));
        engine.Start(0, Slot(0), 2);
        engine.Start(1, Slot(8), 2);

        var order = new List<PhysicalAddress>();
        while (engine.Step())
        {
            order.Add(engine.GetLastProcessedDescriptor(order.Count % 2));
        }

        Assert.Equal([Slot(0), Slot(8), Slot(1), Slot(9)], order);
    }

    [Fact]
    public void Release_makes_no_further_memory_access_and_drops_the_pending_interrupt()
    {
        var engine = NewEngine(chainsAreCounted: true);
        const NetDmaDescriptorControlFlags flags = NetDmaDescriptorControlFlags.NET_DMA_STATUS_UPDATE_ON_COMPLETION
            | NetDmaDescriptorControlFlags.NET_DMA_INTERRUPT_ON_COMPLETION;
        WriteDescriptor(0, 16, 0, 0, next: Slot(1), flags);
        WriteDescriptor(1, 16, 16, 16, next: Slot(2), flags);
        engine.Start(0, Slot(0), 2);
        engine.Step();
        var statusBefore = CompletionValue();
        var readsBefore = _bus.Reads.Count;

        engine.Release(0);

        Assert.False(engine.Step());
        Assert.Equal(readsBefore, _bus.Reads.Count);
        Assert.Equal(statusBefore, CompletionValue());
        Assert.False(engine.AcknowledgeInterrupt(0, out _));
    }
}
