using NetDma.ConformanceKit.Host;
using NetDma.Contracts.Annotations;
using NetDma.Contracts.NetDma;
using NetDma.Contracts.Platform;
using NetDma.Contracts.Status;

namespace NetDma.ConformanceKit.Tests.Host;

/// <summary>
/// NetDMA calling the channel handlers (start, append, suspend, resume, abort, reset, free): NDMA2001 for each,
/// NDMA3012 for pLastDescriptor, CapabilityMissingException for optional handlers left NULL, and the script errors for
/// calls NetDMA never makes.
/// </summary>
public sealed class ChannelOperationTests
{
    private static readonly CallSite Dispatch = CallSite.ChannelOperationDefault;

    private readonly HostTestKit _kit = new();

    /// <summary>A started provider with channel ch0 allocated and brought to the state <paramref name="role"/> needs.</summary>
    private void ReadyFor(string role)
    {
        _kit.RegisterAndStart();
        _kit.Allocate("ch0");
        if (role is "ProviderAppendDma" or "ProviderSuspendDma" or "ProviderResumeDma")
        {
            Assert.Equal(NtStatus.STATUS_SUCCESS, _kit.Host.StartDma("ch0", _kit.Copies(2), Dispatch));
        }

        if (role == "ProviderResumeDma")
        {
            Assert.Equal(NtStatus.STATUS_SUCCESS, _kit.Host.SuspendDma("ch0", Dispatch));
        }

        _kit.Provider.Calls.Clear();
    }

    private NtStatus Perform(string role, CallSite site) => role switch
    {
        "ProviderStartDma" => _kit.Host.StartDma("ch0", _kit.Copies(1), site),
        "ProviderAppendDma" => _kit.Host.AppendDma("ch0", _kit.Copies(1), site),
        "ProviderSuspendDma" => _kit.Host.SuspendDma("ch0", site),
        "ProviderResumeDma" => _kit.Host.ResumeDma("ch0", site),
        "ProviderAbortDma" => _kit.Host.AbortDma("ch0", site),
        "ProviderResetChannel" => _kit.Host.ResetChannel("ch0", site),
        "ProviderFreeDmaChannel" => Free(site),
        _ => throw new ArgumentException(role, nameof(role)),
    };

    private NtStatus Free(CallSite site)
    {
        _kit.Host.FreeChannel("ch0", site);
        return NtStatus.STATUS_SUCCESS;
    }

    private void Answer(string role, NtStatus status)
    {
        switch (role)
        {
            case "ProviderStartDma": _kit.Provider.StartStatus = status; break;
            case "ProviderAppendDma": _kit.Provider.AppendStatus = status; break;
            case "ProviderSuspendDma": _kit.Provider.SuspendStatus = status; break;
            case "ProviderResumeDma": _kit.Provider.ResumeStatus = status; break;
            case "ProviderAbortDma": _kit.Provider.AbortStatus = status; break;
            case "ProviderResetChannel": _kit.Provider.ResetStatus = status; break;
            default: throw new ArgumentException(role, nameof(role));
        }
    }

    public static TheoryData<string, string, string> StatusHandlers => new()
    {
        { "ProviderStartDma", "nc-netdma-dma_start_handler.md", "STATUS_SUCCESS, STATUS_INSUFFICIENT_RESOURCES, STATUS_UNSUCCESSFUL" },
        { "ProviderAppendDma", "nc-netdma-dma_append_handler.md", "STATUS_SUCCESS, STATUS_UNSUCCESSFUL" },
        { "ProviderSuspendDma", "nc-netdma-dma_suspend_handler.md", "STATUS_SUCCESS, STATUS_UNSUCCESSFUL" },
        { "ProviderResumeDma", "nc-netdma-dma_resume_handler.md", "STATUS_SUCCESS, STATUS_UNSUCCESSFUL" },
        { "ProviderAbortDma", "nc-netdma-dma_abort_handler.md", "STATUS_SUCCESS, STATUS_UNSUCCESSFUL" },
        { "ProviderResetChannel", "nc-netdma-dma_reset_handler.md", "STATUS_SUCCESS, STATUS_UNSUCCESSFUL" },
    };

    [Theory]
    [MemberData(nameof(StatusHandlers))]
    public void Undocumented_status_from_a_channel_handler_reports_NDMA2001_citing_its_page(string role, string page, string documented)
    {
        ReadyFor(role);
        Answer(role, NtStatus.STATUS_INVALID_DEVICE_REQUEST);

        var status = Perform(role, Dispatch);

        Assert.Equal(NtStatus.STATUS_INVALID_DEVICE_REQUEST, status);
        var violation = _kit.Single("NDMA2001");
        Assert.Equal($"one of {documented} from {role}", violation.Expected);
        Assert.Equal("STATUS_INVALID_DEVICE_REQUEST (0xC0000010)", violation.Actual);
        Assert.Equal(page, violation.Page);
    }

    [Theory]
    [MemberData(nameof(StatusHandlers))]
    public void Documented_failure_from_a_channel_handler_is_silent(string role, string page, string documented)
    {
        _ = (page, documented);
        ReadyFor(role);
        Answer(role, NtStatus.STATUS_UNSUCCESSFUL);

        Assert.Equal(NtStatus.STATUS_UNSUCCESSFUL, Perform(role, Dispatch));

        _kit.AssertSilent();
    }

    [Fact]
    public void Every_handler_in_a_correct_sequence_is_called_on_the_requested_site_and_is_silent()
    {
        ReadyFor("ProviderStartDma");
        var site = new CallSite(Irql.PASSIVE_LEVEL, 3);

        foreach (var role in new[] { "ProviderStartDma", "ProviderAppendDma", "ProviderSuspendDma", "ProviderResumeDma", "ProviderAbortDma", "ProviderStartDma", "ProviderResetChannel", "ProviderFreeDmaChannel" })
        {
            Assert.Equal(NtStatus.STATUS_SUCCESS, Perform(role, site));
        }

        _kit.AssertSilent();
        Assert.Equal(
            ["ProviderStartDma", "ProviderAppendDma", "ProviderSuspendDma", "ProviderResumeDma", "ProviderAbortDma", "ProviderStartDma", "ProviderResetChannel", "ProviderFreeDmaChannel"],
            _kit.Provider.Calls.Select(c => c.Split(' ')[0]));
        Assert.All(_kit.Provider.Calls, c => Assert.EndsWith(" cpu3 PASSIVE_LEVEL", c));
    }

    [Fact]
    public void Channel_state_follows_the_successful_handlers()
    {
        ReadyFor("ProviderStartDma");
        var channel = _kit.Host.Channels["ch0"];

        Assert.Equal(ChannelState.NeedsStart, channel.State);
        Perform("ProviderStartDma", Dispatch);
        Assert.Equal(ChannelState.Started, channel.State);
        Perform("ProviderSuspendDma", Dispatch);
        Assert.Equal(ChannelState.Suspended, channel.State);
        Perform("ProviderResumeDma", Dispatch);
        Assert.Equal(ChannelState.Started, channel.State);
        Perform("ProviderResetChannel", Dispatch);
        Assert.Equal(ChannelState.NeedsStart, channel.State);
        Perform("ProviderFreeDmaChannel", Dispatch);
        Assert.Equal(ChannelState.Freed, channel.State);
    }

    [Fact]
    public void Failed_ProviderStartDma_leaves_the_channel_needing_a_start()
    {
        ReadyFor("ProviderStartDma");
        _kit.Provider.StartStatus = NtStatus.STATUS_INSUFFICIENT_RESOURCES;

        Perform("ProviderStartDma", Dispatch);

        Assert.Equal(ChannelState.NeedsStart, _kit.Host.Channels["ch0"].State);
        Assert.Throws<ScriptSequenceException>(() => Perform("ProviderAppendDma", Dispatch));
        _kit.AssertSilent();
    }

    [Fact]
    public void pLastDescriptor_that_was_never_submitted_reports_NDMA3012()
    {
        ReadyFor("ProviderSuspendDma");
        _kit.Provider.SuspendReports = () => new PhysicalAddress(0x1234);

        Assert.Equal(NtStatus.STATUS_SUCCESS, _kit.Host.SuspendDma("ch0", Dispatch));

        var violation = _kit.Single("NDMA3012");
        Assert.Equal("pLastDescriptor = NULL, the last descriptor the engine processed on ch0 (none yet)", violation.Expected);
        Assert.Equal("pLastDescriptor = 0x0000000000001234 (not a descriptor NetDMA submitted on ch0)", violation.Actual);
        Assert.Equal("nc-netdma-dma_suspend_handler.md", violation.Page);
    }

    [Fact]
    public void pLastDescriptor_submitted_on_another_channel_reports_NDMA3012()
    {
        ReadyFor("ProviderSuspendDma");
        _kit.Allocate("ch1", 0b0010);
        _kit.Host.StartDma("ch1", _kit.Copies(1), Dispatch);
        var otherChannels = _kit.Provider.Submissions[^1].First;
        _kit.Provider.SuspendReports = () => otherChannels;

        _kit.Host.SuspendDma("ch0", Dispatch);

        Assert.StartsWith($"pLastDescriptor = {otherChannels} (", _kit.Single("NDMA3012").Actual);
    }

    [Fact]
    public void pLastDescriptor_naming_a_submitted_descriptor_the_engine_never_processed_reports_NDMA3012()
    {
        ReadyFor("ProviderSuspendDma");
        var submitted = _kit.Provider.Submissions[0].First;
        _kit.Provider.SuspendReports = () => submitted;

        _kit.Host.SuspendDma("ch0", Dispatch);

        Assert.Equal($"pLastDescriptor = {submitted} (submitted, not yet fetched by the engine)", _kit.Single("NDMA3012").Actual);
    }

    [Fact]
    public void A_completion_status_write_after_the_free_reports_NDMA3015()
    {
        var channel = ReadyToFree();
        _kit.Host.FreeChannel("ch0", Dispatch);

        // The device writes the channel's completion status once more, after ProviderFreeDmaChannel returned.
        _kit.Kernel.Memory.DmaWrite(channel.Completion.PhysicalBase, BitConverter.GetBytes((ulong)NetDmaTransferStatus.NetDmaTransferStatusHalted), "device");

        var violation = _kit.Single("NDMA3015");
        Assert.Equal("no DMA access for ch0 after ProviderFreeDmaChannel", violation.Expected);
        Assert.Equal($"device wrote 8 byte(s) of freed channel ch0's completion status at {channel.Completion.PhysicalBase}", violation.Actual);
    }

    [Fact]
    public void A_completion_status_write_before_the_free_is_judged_as_usual_and_the_free_is_silent()
    {
        var channel = ReadyToFree();
        _kit.Kernel.Memory.DmaWrite(channel.Completion.PhysicalBase, BitConverter.GetBytes((ulong)NetDmaTransferStatus.NetDmaTransferStatusArmed), "device");

        _kit.Host.FreeChannel("ch0", Dispatch);

        _kit.AssertSilent();
    }

    private HostChannel ReadyToFree()
    {
        _kit.RegisterAndStart();
        return _kit.Allocate("ch0");
    }

    [Fact]
    public void Suspend_returning_with_the_current_descriptor_half_written_reports_NDMA3012()
    {
        ReadyFor("ProviderSuspendDma");
        var first = _kit.Provider.Submissions[0].First;
        var descriptor = _kit.ReadDescriptor(first);
        // The device fetches the first descriptor and writes 32 of its 64 bytes, then the suspend returns.
        _kit.Kernel.Memory.DmaRead(first, new byte[NetDmaDescriptor.SizeInBytes], "device");
        _kit.Kernel.Memory.DmaWrite(descriptor.DestinationAddress, new byte[32], "device");

        _kit.Host.SuspendDma("ch0", Dispatch);

        var violation = _kit.Single("NDMA3012");
        Assert.Equal($"the transfer of the current descriptor of ch0 (the descriptor at {first}) completed before ProviderSuspendDma returns", violation.Expected);
        Assert.Equal("ProviderSuspendDma returned STATUS_SUCCESS with 32 of its 64 bytes written", violation.Actual);
    }

    [Fact]
    public void pLastDescriptor_naming_the_descriptor_the_engine_completed_is_silent()
    {
        ReadyFor("ProviderSuspendDma");
        var first = _kit.Provider.Submissions[0].First;
        var descriptor = _kit.ReadDescriptor(first);
        _kit.Kernel.Memory.DmaRead(first, new byte[NetDmaDescriptor.SizeInBytes], "device");
        _kit.Kernel.Memory.DmaWrite(descriptor.DestinationAddress, new byte[64], "device");
        _kit.Provider.SuspendReports = () => first;

        _kit.Host.SuspendDma("ch0", Dispatch);

        _kit.AssertSilent();
    }

    [Fact]
    public void A_descriptor_fetch_while_suspended_reports_NDMA3012_once_per_suspension()
    {
        ReadyFor("ProviderSuspendDma");
        var first = _kit.Provider.Submissions[0].First;
        _kit.Host.SuspendDma("ch0", Dispatch);

        _kit.Kernel.Memory.DmaRead(first, new byte[NetDmaDescriptor.SizeInBytes], "device");
        _kit.Kernel.Memory.DmaRead(first.Offset(NetDmaDescriptor.SizeInBytes), new byte[NetDmaDescriptor.SizeInBytes], "device");

        var violation = _kit.Single("NDMA3012");
        Assert.Equal("no descriptor fetch on ch0 between ProviderSuspendDma and ProviderResumeDma", violation.Expected);
        Assert.Equal($"device fetched the descriptor at {first} (submitted, not yet fetched by the engine) while ch0 is suspended", violation.Actual);
        Assert.Equal("nc-netdma-dma_suspend_handler.md", violation.Page);
    }

    [Fact]
    public void pLastDescriptor_NULL_before_the_engine_processed_anything_is_silent()
    {
        ReadyFor("ProviderSuspendDma");
        _kit.Host.AppendDma("ch0", _kit.Copies(1), Dispatch);

        _kit.Host.SuspendDma("ch0", Dispatch);
        Assert.Equal(PhysicalAddress.Null, _kit.Host.Channels["ch0"].LastReportedDescriptor);
        _kit.Host.ResumeDma("ch0", Dispatch);
        _kit.Host.SuspendDma("ch0", Dispatch);

        _kit.AssertSilent();
    }

    public static TheoryData<string> OptionalHandlers => new()
    {
        "ProviderSuspendDma", "ProviderResumeDma", "ProviderAbortDma", "ProviderResetChannel",
    };

    [Theory]
    [MemberData(nameof(OptionalHandlers))]
    public void Optional_handler_left_NULL_throws_CapabilityMissingException_naming_it(string role)
    {
        var characteristics = _kit.Provider.Characteristics();
        characteristics.SuspendDma = null;
        characteristics.ResumeDma = null;
        characteristics.AbortDma = null;
        characteristics.ResetChannel = null;
        _kit.RegisterAndStart(characteristics);
        _kit.Allocate("ch0");
        _kit.Host.StartDma("ch0", _kit.Copies(1), Dispatch);

        var missing = Assert.Throws<CapabilityMissingException>(() => Perform(role, Dispatch));

        Assert.Equal(role, missing.Role);
        Assert.Equal($"the provider does not implement the optional {role} handler (its entry point is NULL)", missing.Message);
        _kit.AssertSilent();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("ProviderAbortDma")]
    [InlineData("ProviderResetChannel")]
    public void ProviderAppendDma_before_a_start_is_a_script_sequence_error(string? after)
    {
        ReadyFor("ProviderAppendDma");
        if (after is null)
        {
            _kit.Allocate("ch1", 0b0010);
        }
        else
        {
            Perform(after, Dispatch);
        }

        var channel = after is null ? "ch1" : "ch0";
        var error = Assert.Throws<ScriptSequenceException>(() => _kit.Host.AppendDma(channel, _kit.Copies(1), Dispatch));

        Assert.Equal($"NetDMA calls ProviderStartDma, not ProviderAppendDma, after allocate, abort or reset (channel '{channel}')", error.Message);
        Assert.DoesNotContain(_kit.Provider.Calls, c => c.StartsWith("ProviderAppendDma", StringComparison.Ordinal));
    }

    [Fact]
    public void ProviderSuspendDma_before_a_start_is_a_script_sequence_error()
    {
        ReadyFor("ProviderStartDma");

        var error = Assert.Throws<ScriptSequenceException>(() => _kit.Host.SuspendDma("ch0", Dispatch));

        Assert.Equal("NetDMA suspends only a started channel; 'ch0' is NeedsStart", error.Message);
    }

    [Fact]
    public void ProviderResumeDma_without_a_suspend_is_a_script_sequence_error()
    {
        ReadyFor("ProviderAppendDma");

        var error = Assert.Throws<ScriptSequenceException>(() => _kit.Host.ResumeDma("ch0", Dispatch));

        Assert.Equal("NetDMA resumes only a suspended channel; 'ch0' is Started", error.Message);
    }

    [Fact]
    public void Handler_call_on_a_freed_channel_is_a_script_sequence_error()
    {
        ReadyFor("ProviderStartDma");
        _kit.Host.FreeChannel("ch0", Dispatch);

        var error = Assert.Throws<ScriptSequenceException>(() => _kit.Host.StartDma("ch0", _kit.Copies(1), Dispatch));

        Assert.Equal("ProviderStartDma on channel 'ch0' cannot be called: it was freed", error.Message);
    }

    [Fact]
    public void Handler_call_after_NetDmaProviderStop_is_a_script_sequence_error()
    {
        ReadyFor("ProviderStartDma");
        _kit.Stop();

        var error = Assert.Throws<ScriptSequenceException>(() => _kit.Host.StartDma("ch0", _kit.Copies(1), Dispatch));

        Assert.Equal("NetDMA calls ProviderStartDma only on a started provider (after NetDmaProviderStart); the provider is Stopped", error.Message);
    }

    public static TheoryData<string> AllChannelHandlers => new()
    {
        "ProviderStartDma", "ProviderAppendDma", "ProviderSuspendDma", "ProviderResumeDma", "ProviderAbortDma", "ProviderResetChannel", "ProviderFreeDmaChannel",
    };

    [Theory]
    [MemberData(nameof(AllChannelHandlers))]
    public void Channel_handler_above_DISPATCH_LEVEL_is_a_script_sequence_error_and_the_handler_is_not_called(string role)
    {
        ReadyFor(role);

        var error = Assert.Throws<ScriptSequenceException>(() => Perform(role, new CallSite(Irql.DIRQL, 0)));

        Assert.Equal($"NetDMA calls {role} at IRQL <= DISPATCH_LEVEL; the script asks for DIRQL", error.Message);
        Assert.Empty(_kit.Provider.Calls);
        _kit.AssertSilent();
    }
}
