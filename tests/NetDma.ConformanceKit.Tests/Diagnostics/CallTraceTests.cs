using NetDma.ConformanceKit.Diagnostics;
using NetDma.Contracts.Annotations;
using NetDma.Contracts.NetDma;
using NetDma.Contracts.Platform;
using NetDma.Contracts.Status;
using NetDma.Contracts.Wdm;

namespace NetDma.ConformanceKit.Tests.Diagnostics;

/// <summary>
/// The call trace keeps entries as values and makes their text only when quoted: the text must be what the trace
/// showed when it stored strings (reports and snapshots quote it), and the ring must keep the last entries in order.
/// </summary>
public sealed class CallTraceTests
{
    [Fact]
    public void An_entry_formats_its_values_as_the_trace_always_showed_them()
    {
        var append = new TraceEntry("{0} system -> {1}({*})", TraceValue.Processor(0, Irql.DISPATCH_LEVEL), "ProviderAppendDma",
            Arguments: new TraceArguments("{0}, {1}, DescriptorCount={2}", "ch0", new PhysicalAddress(0x1_0002_19C0), 1u));
        var isr = new TraceEntry("{0} provider -> {1}({*})", TraceValue.Processor(1, Irql.DIRQL), "NetDmaIsr",
            Arguments: new TraceArguments("{0}, DmaDescriptor={1}", new NetDmaChannelHandle(8192), new PhysicalAddress(0x1_0002_1980)));
        var returned = new TraceEntry("    <- {0}", NtStatus.STATUS_INSUFFICIENT_RESOURCES);
        var claimed = new TraceEntry("{0} <- {1}(message {2}) = {*}", TraceValue.Processor(0, Irql.DIRQL), "ISR (KMESSAGE_SERVICE_ROUTINE)", 3u,
            new TraceArguments("{0}", TraceValue.Boolean(false)));
        var hardware = new TraceEntry("{0} {1} -> interrupt message {2}", TraceValue.Hardware, TraceValue.Describe(new DeviceObject(@"\Device\NetDmaPdo0")), 0u);

        Assert.Equal("cpu0 DISPATCH_LEVEL system -> ProviderAppendDma(ch0, 0x00000001000219C0, DescriptorCount=1)", append.ToString());
        Assert.Equal("cpu1 DIRQL provider -> NetDmaIsr(channel#8192, DmaDescriptor=0x0000000100021980)", isr.ToString());
        Assert.Equal("    <- STATUS_INSUFFICIENT_RESOURCES (0xC000009A)", returned.ToString());
        Assert.Equal("cpu0 DIRQL <- ISR (KMESSAGE_SERVICE_ROUTINE)(message 3) = FALSE", claimed.ToString());
        Assert.Equal(@"hardware \Device\NetDmaPdo0 -> interrupt message 0", hardware.ToString());
    }

    [Fact]
    public void Text_inside_a_value_is_not_substituted_again()
    {
        TraceEntry text = "  fault injected: {0} {*} stays as written";
        var nested = new TraceEntry("{0} driver -> {1}({*})", TraceValue.Processor(0, Irql.PASSIVE_LEVEL), "KeSetEvent", Arguments: "{1}");

        Assert.Equal("  fault injected: {0} {*} stays as written", text.ToString());
        Assert.Equal("cpu0 PASSIVE_LEVEL driver -> KeSetEvent({1})", nested.ToString());
        Assert.Equal("cpu0 PASSIVE_LEVEL system -> AddDevice",
            new TraceEntry("{0} system -> {1}", TraceValue.Processor(0, Irql.PASSIVE_LEVEL), "AddDevice", Arguments: (string?)null).ToString());
    }

    [Fact]
    public void The_ring_keeps_the_last_entries_in_order_once_it_wraps()
    {
        var trace = new CallTrace(capacity: 40);
        for (var i = 0u; i < 100; i++)
        {
            trace.Record(new TraceEntry("entry {0}", i));
        }

        Assert.Equal(100, trace.Count);
        Assert.Equal(["entry 97", "entry 98", "entry 99"], trace.Tail(3));
        var kept = trace.Tail(1000);
        Assert.Equal(40, kept.Count);
        Assert.Equal("entry 60", kept[0]);
        Assert.Equal("entry 99", kept[^1]);
    }

    [Fact]
    public void A_short_trace_shows_every_entry_and_no_more()
    {
        var trace = new CallTrace(capacity: 256);
        trace.Record("first");
        trace.Record(new TraceEntry("second {0}", Irql.APC_LEVEL));

        Assert.Equal(["first", "second APC_LEVEL"], trace.Tail());
        Assert.Empty(new CallTrace().Tail());
    }

    [Fact]
    public void The_running_and_the_faulted_routine_are_named_by_their_entries()
    {
        var trace = new CallTrace();
        Assert.Null(trace.RunningRoutine);
        trace.EnterRoutine(new TraceEntry("{0} system -> {1}", TraceValue.Processor(0, Irql.DISPATCH_LEVEL), "DPC (KDEFERRED_ROUTINE)"));
        trace.EnterRoutine(new TraceEntry("hardware -> {0} (ISimulatedEngine.Step)", "engine of dev"), traced: false);

        Assert.Equal("hardware -> engine of dev (ISimulatedEngine.Step)", trace.RunningRoutine);
        Assert.Equal(["cpu0 DISPATCH_LEVEL system -> DPC (KDEFERRED_ROUTINE)"], trace.Tail());

        trace.LeaveRoutine(returned: false);
        Assert.Equal("hardware -> engine of dev (ISimulatedEngine.Step)", trace.FaultedRoutine);
        Assert.Equal("cpu0 DISPATCH_LEVEL system -> DPC (KDEFERRED_ROUTINE)", trace.RunningRoutine);
        trace.LeaveRoutine(returned: true);
        Assert.Null(trace.FaultedRoutine);
        Assert.Null(trace.RunningRoutine);
    }
}
