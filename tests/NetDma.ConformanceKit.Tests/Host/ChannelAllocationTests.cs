using NetDma.ConformanceKit.Host;
using NetDma.Contracts.Annotations;
using NetDma.Contracts.NetDma;
using NetDma.Contracts.Status;

namespace NetDma.ConformanceKit.Tests.Host;

/// <summary>
/// NetDMA calling ProviderAllocateDmaChannel and judging the answer: NDMA2001, NDMA3002, NDMA3003, NDMA3004, and the
/// script errors for allocations NetDMA would never make.
/// </summary>
public sealed class ChannelAllocationTests
{
    private const string AllocatePage = "nc-netdma-dma_channel_allocate_handler.md";

    private readonly HostTestKit _kit = new();

    [Fact]
    public void Allocation_passes_the_documented_parameters_and_keeps_the_providers_answer()
    {
        _kit.RegisterAndStart();

        var status = _kit.Host.AllocateChannel("ch0", 0b0110, 3, new CallSite(Irql.DISPATCH_LEVEL, 1));

        Assert.Equal(NtStatus.STATUS_SUCCESS, status);
        _kit.AssertSilent();
        var channel = _kit.Host.Channels["ch0"];
        Assert.Equal("ProviderAllocateDmaChannel cpu1 DISPATCH_LEVEL", _kit.Provider.Calls[^1]);
        Assert.Equal(_kit.Provider.Handles.Single(), channel.Handle);
        Assert.Equal(new TestProvider.ChannelContext(channel.Handle), channel.ProviderContext);
        Assert.Equal(ChannelState.NeedsStart, channel.State);
        var parameters = channel.Parameters;
        Assert.Equal(NetDmaChannelParameters.NET_DMA_CHANNEL_PARAMETERS_REVISION_2, parameters.Revision);
        Assert.Equal(NetDmaChannelParameters.SIZEOF_NET_DMA_CHANNEL_PARAMETERS_REVISION_2, parameters.Size);
        Assert.Equal(0b0110u, parameters.ProcessorAffinityMask);
        Assert.Equal(new GroupAffinity(0b0110, 0), parameters.ProcessorAffinityMaskEx);
        Assert.Equal(3u, parameters.ChannelPriority);
        Assert.Equal(1u, parameters.CpuNumber);
        Assert.Equal(channel.Completion.PhysicalBase, parameters.CompletionPhysicalAddress);
        Assert.Equal(channel.Completion.VirtualBase, parameters.CompletionVirtualAddress);
        Assert.Equal(8ul, channel.Completion.Size);
    }

    [Fact]
    public void NetDMA_1x_passes_revision_1_channel_parameters()
    {
        var kit = new HostTestKit(new HostOptions(NetDmaMajor: 1, NetDmaMinor: 1));
        kit.RegisterAndStart(kit.Provider.Characteristics(majorVersion: 1, minorVersion: 1));

        var parameters = kit.Allocate().Parameters;

        Assert.Equal(NetDmaChannelParameters.NET_DMA_CHANNEL_PARAMETERS_REVISION_1, parameters.Revision);
        Assert.Equal(NetDmaChannelParameters.SIZEOF_NET_DMA_CHANNEL_PARAMETERS_REVISION_1, parameters.Size);
        kit.AssertSilent();
    }

    [Fact]
    public void Undocumented_status_from_ProviderAllocateDmaChannel_reports_NDMA2001_and_no_channel_exists()
    {
        _kit.RegisterAndStart();
        _kit.Provider.AllocateStatus = NtStatus.STATUS_NOT_SUPPORTED;

        var status = _kit.Host.AllocateChannel("ch0", 0b0001, 0, CallSite.ChannelOperationDefault);

        Assert.Equal(NtStatus.STATUS_NOT_SUPPORTED, status);
        var violation = _kit.Single("NDMA2001");
        Assert.Equal("one of STATUS_SUCCESS, STATUS_INSUFFICIENT_RESOURCES, STATUS_UNSUCCESSFUL from ProviderAllocateDmaChannel", violation.Expected);
        Assert.Equal("STATUS_NOT_SUPPORTED (0xC00000BB)", violation.Actual);
        Assert.Equal(AllocatePage, violation.Page);
        Assert.Empty(_kit.Host.Channels);

        var error = Assert.Throws<ScriptSequenceException>(() => _kit.Host.StartDma("ch0", _kit.Copies(1), CallSite.ChannelOperationDefault));
        Assert.Equal("ProviderStartDma on channel 'ch0' cannot be called: its ProviderAllocateDmaChannel returned STATUS_NOT_SUPPORTED (0xC00000BB)", error.Message);
    }

    [Fact]
    public void Documented_failure_from_ProviderAllocateDmaChannel_is_silent_and_frees_the_completion_location()
    {
        _kit.RegisterAndStart();
        _kit.Provider.AllocateStatus = NtStatus.STATUS_INSUFFICIENT_RESOURCES;

        Assert.Equal(NtStatus.STATUS_INSUFFICIENT_RESOURCES, _kit.Host.AllocateChannel("ch0", 0b0001, 0, CallSite.ChannelOperationDefault));

        _kit.AssertSilent();
        Assert.Empty(_kit.Host.Channels);
        Assert.False(Assert.Single(_kit.Kernel.Memory.Buffers, b => b.Name == "ch0.completion").Live);
    }

    [Fact]
    public void NULL_channel_context_on_success_reports_NDMA3002()
    {
        _kit.RegisterAndStart();
        _kit.Provider.ContextFor = _ => null;

        _kit.Allocate();

        var violation = _kit.Single("NDMA3002");
        Assert.Equal("a non-null pProviderChannelContext for ch0 on success", violation.Expected);
        Assert.Equal("pProviderChannelContext = NULL", violation.Actual);
        Assert.Equal(AllocatePage, violation.Page);
    }

    [Fact]
    public void Same_context_object_as_a_live_channel_reports_NDMA3002()
    {
        _kit.RegisterAndStart();
        var shared = new object();
        _kit.Provider.ContextFor = _ => shared;
        _kit.Allocate("ch0");

        _kit.Allocate("ch1", 0b0010);

        var violation = _kit.Single("NDMA3002");
        Assert.Equal("a channel context for ch1 distinct from every live channel's", violation.Expected);
        Assert.Equal("the same context object as live channel ch0", violation.Actual);
        Assert.Equal(AllocatePage, violation.Page);
    }

    [Fact]
    public void Reusing_the_context_of_a_freed_channel_is_silent()
    {
        _kit.RegisterAndStart();
        var recycled = new object();
        _kit.Provider.ContextFor = _ => recycled;
        _kit.Allocate("ch0");
        _kit.Host.FreeChannel("ch0", CallSite.ChannelOperationDefault);

        _kit.Allocate("ch1", 0b0010);

        _kit.AssertSilent();
    }

    [Fact]
    public void CpuNumber_left_unwritten_reports_NDMA3003()
    {
        _kit.RegisterAndStart();
        _kit.Provider.CpuNumberFor = _ => null;

        _kit.Allocate();

        var violation = _kit.Single("NDMA3003");
        Assert.Equal("ChannelParameters->CpuNumber written for ch0 before ProviderAllocateDmaChannel returns", violation.Expected);
        Assert.Equal("CpuNumber left unwritten", violation.Actual);
        Assert.Equal(AllocatePage, violation.Page);
        Assert.Equal(NetDmaHost.CpuNumberNotWritten, _kit.Host.Channels["ch0"].Parameters.CpuNumber);
    }

    [Fact]
    public void CpuNumber_whose_bit_is_not_in_the_mask_reports_NDMA3004()
    {
        _kit.RegisterAndStart();
        _kit.Provider.CpuNumberFor = _ => 1;

        _kit.Allocate(mask: 0b0100);

        var violation = _kit.Single("NDMA3004");
        Assert.Equal("a CPU number whose bit is set in ProcessorAffinityMask 0x00000004 (active CPUs 0..3)", violation.Expected);
        Assert.Equal("CpuNumber = 1", violation.Actual);
        Assert.Equal("nc-netdma-dma_channel_allocate_handler.md", violation.Page);
    }

    [Theory]
    [InlineData(4u, 0b1_0000u)]
    [InlineData(40u, 0xFFFF_FFFFu)]
    public void CpuNumber_at_or_above_the_processor_count_reports_NDMA3004_even_with_its_bit_in_the_mask(uint cpu, uint mask)
    {
        _kit.RegisterAndStart();
        _kit.Provider.CpuNumberFor = _ => cpu;

        _kit.Allocate(mask: mask);

        var violation = _kit.Single("NDMA3004");
        Assert.Contains("(active CPUs 0..3)", violation.Expected);
        Assert.Equal($"CpuNumber = {cpu}", violation.Actual);
    }

    [Theory]
    [InlineData(0b0001u, 0u)]
    [InlineData(0b1000u, 3u)]
    [InlineData(0b1010u, 3u)]
    public void CpuNumber_of_an_active_CPU_in_the_mask_is_silent(uint mask, uint cpu)
    {
        _kit.RegisterAndStart();
        _kit.Provider.CpuNumberFor = _ => cpu;

        _kit.Allocate(mask: mask);

        _kit.AssertSilent();
    }

    [Fact]
    public void Allocation_before_NetDmaProviderStart_is_a_script_sequence_error()
    {
        _kit.Register();

        var error = Assert.Throws<ScriptSequenceException>(() => _kit.Host.AllocateChannel("ch0", 1, 0, CallSite.ChannelOperationDefault));

        Assert.Equal("NetDMA calls ProviderAllocateDmaChannel only on a started provider (after NetDmaProviderStart); the provider is Registered", error.Message);
        Assert.DoesNotContain(_kit.Provider.Calls, c => c.StartsWith("ProviderAllocateDmaChannel", StringComparison.Ordinal));
    }

    [Fact]
    public void Allocation_before_registration_is_a_script_sequence_error()
    {
        var error = Assert.Throws<ScriptSequenceException>(() => _kit.Host.AllocateChannel("ch0", 1, 0, CallSite.ChannelOperationDefault));

        Assert.EndsWith("the provider is not registered", error.Message);
    }

    [Theory]
    [InlineData(Irql.DIRQL)]
    [InlineData(Irql.HIGH_LEVEL)]
    public void Allocation_above_DISPATCH_LEVEL_is_a_script_sequence_error_and_the_handler_is_not_called(Irql irql)
    {
        _kit.RegisterAndStart();

        var error = Assert.Throws<ScriptSequenceException>(() => _kit.Host.AllocateChannel("ch0", 1, 0, new CallSite(irql, 0)));

        Assert.Equal($"NetDMA calls ProviderAllocateDmaChannel at IRQL <= DISPATCH_LEVEL; the script asks for {irql.ToDdiName()}", error.Message);
        Assert.DoesNotContain(_kit.Provider.Calls, c => c.StartsWith("ProviderAllocateDmaChannel", StringComparison.Ordinal));
        _kit.AssertSilent();
    }

    [Fact]
    public void Allocation_beyond_DmaChannelCount_is_a_script_sequence_error()
    {
        _kit.RegisterAndStart(dmaChannelCount: 1);
        _kit.Allocate("ch0");

        var error = Assert.Throws<ScriptSequenceException>(() => _kit.Host.AllocateChannel("ch1", 1, 0, CallSite.ChannelOperationDefault));

        Assert.Equal("NetDMA allocates at most DmaChannelCount = 1 channels; 1 are live", error.Message);
    }

    [Fact]
    public void Allocating_a_live_channel_name_again_is_a_script_sequence_error()
    {
        _kit.RegisterAndStart();
        _kit.Allocate("ch0");

        var error = Assert.Throws<ScriptSequenceException>(() => _kit.Host.AllocateChannel("ch0", 1, 0, CallSite.ChannelOperationDefault));

        Assert.Equal("channel 'ch0' is already allocated", error.Message);
    }
}
