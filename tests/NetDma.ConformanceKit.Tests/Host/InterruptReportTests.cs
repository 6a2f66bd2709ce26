using NetDma.ConformanceKit.Host;
using NetDma.ConformanceKit.Kernel;
using NetDma.Contracts.Annotations;
using NetDma.Contracts.NetDma;
using NetDma.Contracts.Platform;
using NetDma.Contracts.Status;

namespace NetDma.ConformanceKit.Tests.Host;

/// <summary>NetDmaIsr and NetDmaInterruptDpc as the provider calls them: NDMA1001, NDMA3005, NDMA3006, NDMA3015.</summary>
public sealed class InterruptReportTests
{
    private const string IsrPage = "nf-netdma-netdmaisr.md";
    private const string DpcPage = "nf-netdma-netdmainterruptdpc.md";
    private const string FreePage = "nc-netdma-dma_channel_free_handler.md";

    private readonly HostTestKit _kit = new();

    /// <summary>The descriptor the reports name: one the stand-in engine of <see cref="AllocatedOnCpu2"/> completed (NDMA3022, NDMA3023).</summary>
    private PhysicalAddress Descriptor { get; set; }

    /// <summary>Allocates ch0 on CPU 2 and lets a stand-in engine complete one descriptor through the bus: fetch it, write its destination.</summary>
    private HostChannel AllocatedOnCpu2()
    {
        _kit.RegisterAndStart();
        var channel = _kit.Allocate("ch0", 0b0100);
        var spec = _kit.Copies(1);
        Assert.Equal(NtStatus.STATUS_SUCCESS, _kit.Host.StartDma("ch0", spec, CallSite.ChannelOperationDefault));
        Descriptor = channel.Progress.Chain[0].Address;
        var memory = _kit.Kernel.Memory;
        memory.DmaRead(Descriptor, new byte[NetDmaDescriptor.SizeInBytes], "test engine");
        memory.DmaWrite(spec[0].Destination, new byte[spec[0].Length], "test engine");
        Assert.True(channel.Progress.Chain[0].Completed);
        return channel;
    }

    private uint Isr(NetDmaChannelHandle handle, Irql irql = Irql.DIRQL)
    {
        var cpu = 0u;
        _kit.AsProvider(irql, () => _kit.Host.NetDmaIsr(handle, Descriptor, out cpu), routine: "ProviderIsr (KSERVICE_ROUTINE)");
        return cpu;
    }

    private void Dpc(NetDmaChannelHandle handle, uint cpu, Irql irql = Irql.DISPATCH_LEVEL) =>
        _kit.AsProvider(irql, () => _kit.Host.NetDmaInterruptDpc(handle, Descriptor), cpu, routine: SimulatedKernel.DpcRoutineName);

    [Fact]
    public void NetDmaIsr_at_DIRQL_returns_the_channels_CpuNumber_silently()
    {
        var channel = AllocatedOnCpu2();

        var cpu = Isr(channel.Handle);

        _kit.AssertSilent();
        Assert.Equal(2u, cpu);
        Assert.Equal(1, channel.IsrCount);
        Assert.Equal(Descriptor, channel.LastReportedDescriptor);
    }

    [Theory]
    [InlineData(Irql.DISPATCH_LEVEL)]
    [InlineData(Irql.PASSIVE_LEVEL)]
    public void NetDmaIsr_below_DIRQL_reports_NDMA1001_from_the_function_contract(Irql irql)
    {
        var channel = AllocatedOnCpu2();

        Isr(channel.Handle, irql);

        var violation = _kit.Single("NDMA1001");
        Assert.Equal("NetDmaIsr called at IRQL = DIRQL", violation.Expected);
        Assert.Equal($"NetDmaIsr called at {irql.ToDdiName()} (cpu0, in ProviderIsr (KSERVICE_ROUTINE))", violation.Actual);
        Assert.Equal(IsrPage, violation.Page);
    }

    [Fact]
    public void NetDmaInterruptDpc_at_DISPATCH_LEVEL_on_CpuNumber_is_silent()
    {
        var channel = AllocatedOnCpu2();

        Dpc(channel.Handle, cpu: 2);

        _kit.AssertSilent();
        Assert.Equal([2u], channel.DpcProcessors);
        Assert.Equal(Descriptor, channel.LastReportedDescriptor);
    }

    [Fact]
    public void NetDmaInterruptDpc_at_PASSIVE_LEVEL_reports_NDMA1001_from_the_function_contract()
    {
        var channel = AllocatedOnCpu2();

        Dpc(channel.Handle, cpu: 2, Irql.PASSIVE_LEVEL);

        var violation = _kit.Single("NDMA1001");
        Assert.Equal("NetDmaInterruptDpc called at IRQL = DISPATCH_LEVEL", violation.Expected);
        Assert.Equal("NetDmaInterruptDpc called at PASSIVE_LEVEL (cpu2, in DPC (KDEFERRED_ROUTINE))", violation.Actual);
        Assert.Equal(DpcPage, violation.Page);
    }

    [Fact]
    public void NetDmaInterruptDpc_on_another_CPU_reports_NDMA3005()
    {
        var channel = AllocatedOnCpu2();

        Dpc(channel.Handle, cpu: 0);

        var violation = _kit.Single("NDMA3005");
        Assert.Equal("the interrupt DPC of ch0 on CPU 2 (its CpuNumber)", violation.Expected);
        Assert.Equal("NetDmaInterruptDpc on CPU 0", violation.Actual);
        Assert.Equal("nc-netdma-dma_channel_allocate_handler.md", violation.Page);
    }

    [Fact]
    public void NetDmaIsr_with_a_handle_NetDMA_never_issued_reports_NDMA3006()
    {
        AllocatedOnCpu2();
        var invented = new NetDmaChannelHandle(0xBEEF);

        var cpu = Isr(invented);

        var violation = _kit.Single("NDMA3006");
        Assert.Equal("a channel handle NetDMA passed to ProviderAllocateDmaChannel, in NetDmaIsr", violation.Expected);
        Assert.Equal($"{invented}, which NetDMA never issued", violation.Actual);
        Assert.Equal(IsrPage, violation.Page);
        Assert.Equal(0u, cpu);
    }

    [Fact]
    public void NetDmaInterruptDpc_with_a_handle_NetDMA_never_issued_reports_NDMA3006()
    {
        AllocatedOnCpu2();
        var invented = new NetDmaChannelHandle(0xBEEF);

        Dpc(invented, cpu: 2);

        var violation = _kit.Single("NDMA3006");
        Assert.Equal("a channel handle NetDMA passed to ProviderAllocateDmaChannel, in NetDmaInterruptDpc", violation.Expected);
        Assert.Equal(DpcPage, violation.Page);
    }

    [Fact]
    public void NetDmaIsr_for_a_freed_channel_reports_NDMA3015()
    {
        var channel = AllocatedOnCpu2();
        _kit.Host.FreeChannel("ch0", CallSite.ChannelOperationDefault);

        Isr(channel.Handle);

        var violation = _kit.Single("NDMA3015");
        Assert.Equal("no NetDmaIsr for ch0 after ProviderFreeDmaChannel", violation.Expected);
        Assert.Equal($"NetDmaIsr({channel.Handle}) after the channel was freed", violation.Actual);
        Assert.Equal(FreePage, violation.Page);
        Assert.Equal(0, channel.IsrCount);
    }

    [Fact]
    public void NetDmaInterruptDpc_for_a_channel_freed_by_NetDmaProviderStop_reports_NDMA3015()
    {
        var channel = AllocatedOnCpu2();
        _kit.Stop();

        Dpc(channel.Handle, cpu: 2);

        var violation = _kit.Single("NDMA3015");
        Assert.Equal("no NetDmaInterruptDpc for ch0 after ProviderFreeDmaChannel", violation.Expected);
        Assert.Equal(FreePage, violation.Page);
        Assert.Empty(channel.DpcProcessors);
    }

    [Fact]
    public void Stale_handle_of_a_channel_name_that_was_freed_and_allocated_again_reports_NDMA3015()
    {
        var old = AllocatedOnCpu2();
        _kit.Host.FreeChannel("ch0", CallSite.ChannelOperationDefault);
        var renewed = _kit.Allocate("ch0", 0b0010);

        // The renewed channel has completed nothing yet: its DPC reports DmaDescriptor = NULL (NDMA3023).
        _kit.AsProvider(Irql.DISPATCH_LEVEL, () => _kit.Host.NetDmaInterruptDpc(renewed.Handle, null), 1, routine: SimulatedKernel.DpcRoutineName);
        _kit.AssertSilent();
        Dpc(old.Handle, cpu: 2);

        Assert.NotEqual(old.Handle, renewed.Handle);
        Assert.Contains(old.Handle.ToString(), _kit.Single("NDMA3015").Actual);
    }
}
