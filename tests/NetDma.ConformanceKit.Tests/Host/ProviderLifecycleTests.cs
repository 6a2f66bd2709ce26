using NetDma.ConformanceKit.Host;
using NetDma.Contracts.Annotations;
using NetDma.Contracts.NetDma;

namespace NetDma.ConformanceKit.Tests.Host;

/// <summary>
/// NetDmaProviderStart/Stop, NetDmaDeregisterProvider, NetDmaPnPEventNotify and NetDmaGetVersion: NDMA3007, NDMA3008,
/// NDMA3010, NDMA3016, NDMA1001, and NetDmaProviderStop freeing every channel.
/// </summary>
public sealed class ProviderLifecycleTests
{
    private readonly HostTestKit _kit = new();

    [Fact]
    public void Register_start_stop_deregister_in_order_is_silent()
    {
        _kit.Register();
        _kit.Start(dmaChannelCount: 2);
        Assert.Equal(ProviderState.Started, _kit.Host.Provider!.State);
        Assert.Equal(2u, _kit.Host.Provider.Attributes!.DmaChannelCount);

        _kit.Stop();
        Assert.Equal(ProviderState.Stopped, _kit.Host.Provider.State);
        _kit.Start();
        _kit.Stop();
        _kit.Deregister();

        _kit.AssertSilent();
        Assert.Equal(ProviderState.Deregistered, _kit.Host.Provider.State);
    }

    [Fact]
    public void NetDmaProviderStart_twice_reports_NDMA3007()
    {
        _kit.RegisterAndStart();

        _kit.Start();

        var violation = _kit.Single("NDMA3007");
        Assert.Equal("NetDmaProviderStart once per start (after registration or NetDmaProviderStop)", violation.Expected);
        Assert.Equal("NetDmaProviderStart while already started", violation.Actual);
        Assert.Equal("nf-netdma-netdmaproviderstart.md", violation.Page);
    }

    [Fact]
    public void NetDmaProviderStart_with_NULL_attributes_reports_NDMA3010_and_leaves_the_provider_registered()
    {
        _kit.Register();

        _kit.AsProvider(Irql.PASSIVE_LEVEL, () => _kit.Host.NetDmaProviderStart(_kit.Handle, null!));

        var violation = _kit.Single("NDMA3010");
        Assert.Equal("a NET_DMA_PROVIDER_ATTRIBUTES structure", violation.Expected);
        Assert.Equal("ProviderAttributes = NULL", violation.Actual);
        Assert.Equal("nf-netdma-netdmaproviderstart.md", violation.Page);
        Assert.Equal(ProviderState.Registered, _kit.Host.Provider!.State);
    }

    [Fact]
    public void NetDmaProviderStop_when_not_started_reports_NDMA3007()
    {
        _kit.Register();

        _kit.Stop();

        var violation = _kit.Single("NDMA3007");
        Assert.Equal("NetDmaProviderStop after NetDmaProviderStart", violation.Expected);
        Assert.Equal("NetDmaProviderStop while the provider is Registered", violation.Actual);
        Assert.Equal("nf-netdma-netdmaproviderstop.md", violation.Page);
    }

    [Fact]
    public void NetDmaDeregisterProvider_while_started_reports_NDMA3007()
    {
        _kit.RegisterAndStart();

        _kit.Deregister();

        var violation = _kit.Single("NDMA3007");
        Assert.Equal("NetDmaProviderStop before NetDmaDeregisterProvider", violation.Expected);
        Assert.Equal("NetDmaDeregisterProvider while the provider is started", violation.Actual);
        Assert.Equal("nf-netdma-netdmaderegisterprovider.md", violation.Page);
    }

    public static TheoryData<string, string> HandleFunctions => new()
    {
        { nameof(INetDma.NetDmaProviderStart), "nf-netdma-netdmaproviderstart.md" },
        { nameof(INetDma.NetDmaProviderStop), "nf-netdma-netdmaproviderstop.md" },
        { nameof(INetDma.NetDmaDeregisterProvider), "nf-netdma-netdmaderegisterprovider.md" },
        { nameof(INetDma.NetDmaPnPEventNotify), "nf-netdma-netdmapnpeventnotify.md" },
    };

    /// <summary>Calls <paramref name="function"/> with <paramref name="handle"/>, as provider code at PASSIVE_LEVEL unless told otherwise.</summary>
    private void CallWithHandle(string function, NetDmaProviderHandle handle, Irql irql = Irql.PASSIVE_LEVEL, uint cpu = 0)
    {
        if (function == nameof(INetDma.NetDmaGetVersion))
        {
            // Looked up first at PASSIVE_LEVEL, as a provider must (NDMA3021), so the call itself is what is judged.
            _kit.AsProvider(Irql.PASSIVE_LEVEL, () => _kit.Host.NdisGetRoutineAddress(nameof(INetDma.NetDmaGetVersion)));
        }

        _kit.AsProvider(irql, () =>
        {
            INetDma netDma = _kit.Host;
            switch (function)
            {
                case nameof(INetDma.NetDmaProviderStart):
                    netDma.NetDmaProviderStart(handle, _kit.Attributes(dmaChannelCount: 1));
                    break;
                case nameof(INetDma.NetDmaProviderStop):
                    netDma.NetDmaProviderStop(handle);
                    break;
                case nameof(INetDma.NetDmaDeregisterProvider):
                    netDma.NetDmaDeregisterProvider(handle);
                    break;
                case nameof(INetDma.NetDmaPnPEventNotify):
                    netDma.NetDmaPnPEventNotify(handle, new NetDmaPnPNotification { NotificationCode = NetDmaPnPNotificationCode.NetDmaNotificationProviderPowerDown });
                    break;
                case nameof(INetDma.NetDmaGetVersion):
                    netDma.NetDmaGetVersion();
                    break;
                default:
                    throw new ArgumentException(function, nameof(function));
            }
        }, cpu);
    }

    [Theory]
    [MemberData(nameof(HandleFunctions))]
    public void Wrong_provider_handle_reports_NDMA3008_and_changes_nothing(string function, string page)
    {
        _kit.RegisterAndStart();
        var wrong = new NetDmaProviderHandle(0xBAD);

        CallWithHandle(function, wrong);

        var violation = _kit.Single("NDMA3008");
        Assert.Equal($"the handle NetDmaRegisterProvider returned, to {function}", violation.Expected);
        Assert.Equal($"{wrong}, but NetDmaRegisterProvider returned {_kit.Handle}", violation.Actual);
        Assert.Equal(page, violation.Page);
        Assert.Equal(ProviderState.Started, _kit.Host.Provider!.State);
    }

    [Theory]
    [MemberData(nameof(HandleFunctions))]
    public void Deregistered_provider_handle_reports_NDMA3008(string function, string page)
    {
        _kit.Register();
        _kit.Deregister();

        CallWithHandle(function, _kit.Handle);

        var violation = _kit.Single("NDMA3008");
        Assert.Equal($"{_kit.Handle}, already deregistered", violation.Actual);
        Assert.Equal(page, violation.Page);
    }

    [Theory]
    [MemberData(nameof(HandleFunctions))]
    public void Provider_handle_before_any_registration_reports_NDMA3008(string function, string page)
    {
        var invented = new NetDmaProviderHandle(0x1000);

        CallWithHandle(function, invented);

        var violation = _kit.Single("NDMA3008");
        Assert.Equal($"{invented} before any successful NetDmaRegisterProvider", violation.Actual);
        Assert.Equal(page, violation.Page);
    }

    [Fact]
    public void DmaChannelCount_above_MaxDmaChannelCount_reports_NDMA3010()
    {
        _kit.Register(_kit.Provider.Characteristics(maxDmaChannelCount: 4));

        _kit.Start(dmaChannelCount: 5);

        var violation = _kit.Single("NDMA3010");
        Assert.Equal("DmaChannelCount <= MaxDmaChannelCount (4)", violation.Expected);
        Assert.Equal("DmaChannelCount = 5", violation.Actual);
        Assert.Equal("ns-netdma-_net_dma_provider_attributes.md", violation.Page);
    }

    [Fact]
    public void DmaChannelCount_equal_to_MaxDmaChannelCount_is_silent()
    {
        _kit.Register(_kit.Provider.Characteristics(maxDmaChannelCount: 4));

        _kit.Start(dmaChannelCount: 4);

        _kit.AssertSilent();
    }

    [Theory]
    [InlineData(NetDmaPnPNotificationCode.NetDmaNotificationProviderRegistered)]
    [InlineData(NetDmaPnPNotificationCode.NetDmaNotificationProviderArrival)]
    [InlineData(NetDmaPnPNotificationCode.NetDmaNotificationProviderRemoval)]
    [InlineData(NetDmaPnPNotificationCode.NetDmaNotificationChannelArrival)]
    [InlineData(NetDmaPnPNotificationCode.NetDmaNotificationMax)]
    public void NetDmaPnPEventNotify_with_a_code_other_than_power_down_or_up_reports_NDMA3016(NetDmaPnPNotificationCode code)
    {
        _kit.RegisterAndStart();

        _kit.AsProvider(Irql.PASSIVE_LEVEL, () => _kit.Host.NetDmaPnPEventNotify(_kit.Handle, new NetDmaPnPNotification { NotificationCode = code }));

        var violation = _kit.Single("NDMA3016");
        Assert.Equal("NetDmaNotificationProviderPowerDown or NetDmaNotificationProviderPowerUp", violation.Expected);
        Assert.Equal(code.ToString(), violation.Actual);
        Assert.Equal("nf-netdma-netdmapnpeventnotify.md", violation.Page);
    }

    [Fact]
    public void NetDmaPnPEventNotify_with_NULL_event_reports_NDMA3016()
    {
        _kit.RegisterAndStart();

        _kit.AsProvider(Irql.PASSIVE_LEVEL, () => _kit.Host.NetDmaPnPEventNotify(_kit.Handle, null!));

        Assert.Equal("PnPEvent = NULL", _kit.Single("NDMA3016").Actual);
    }

    [Theory]
    [InlineData(NetDmaPnPNotificationCode.NetDmaNotificationProviderPowerDown)]
    [InlineData(NetDmaPnPNotificationCode.NetDmaNotificationProviderPowerUp)]
    public void NetDmaPnPEventNotify_with_a_power_code_is_silent(NetDmaPnPNotificationCode code)
    {
        _kit.RegisterAndStart();

        _kit.AsProvider(Irql.PASSIVE_LEVEL, () => _kit.Host.NetDmaPnPEventNotify(_kit.Handle, new NetDmaPnPNotification { NotificationCode = code }));

        _kit.AssertSilent();
    }

    [Theory]
    [InlineData(2u, 0u, 0x0002_0000u)]
    [InlineData(1u, 1u, 0x0001_0001u)]
    public void NetDmaGetVersion_returns_major_in_the_high_word_and_minor_in_the_low_word(uint major, uint minor, uint expected)
    {
        var kit = new HostTestKit(new HostOptions(NetDmaMajor: major, NetDmaMinor: minor));

        var entryPoint = kit.AsProvider(Irql.PASSIVE_LEVEL, () => kit.Host.NdisGetRoutineAddress(nameof(INetDma.NetDmaGetVersion)));
        var version = kit.AsProvider(Irql.PASSIVE_LEVEL, Assert.IsType<Func<uint>>(entryPoint));

        Assert.Equal(expected, version);
        kit.AssertSilent();
    }

    public static TheoryData<string, string> PassiveFunctions => new()
    {
        { nameof(INetDma.NetDmaGetVersion), "nf-netdma-netdmagetversion.md" },
        { nameof(INetDma.NetDmaProviderStart), "nf-netdma-netdmaproviderstart.md" },
        { nameof(INetDma.NetDmaProviderStop), "nf-netdma-netdmaproviderstop.md" },
        { nameof(INetDma.NetDmaDeregisterProvider), "nf-netdma-netdmaderegisterprovider.md" },
        { nameof(INetDma.NetDmaPnPEventNotify), "nf-netdma-netdmapnpeventnotify.md" },
    };

    [Theory]
    [MemberData(nameof(PassiveFunctions))]
    public void PASSIVE_LEVEL_function_called_at_DISPATCH_LEVEL_reports_NDMA1001(string function, string page)
    {
        _kit.Register();
        if (function is nameof(INetDma.NetDmaProviderStop) or nameof(INetDma.NetDmaDeregisterProvider) or nameof(INetDma.NetDmaPnPEventNotify))
        {
            // A started (or, for deregistration, stopped) provider, so the IRQL is the only thing wrong.
            _kit.Start();
            if (function == nameof(INetDma.NetDmaDeregisterProvider))
            {
                _kit.Stop();
            }
        }

        // NetDmaProviderStart from IRP_MN_START_DEVICE, so the IRQL is the only thing wrong (NDMA3027).
        _kit.Host.InStartDevice = function == nameof(INetDma.NetDmaProviderStart);
        CallWithHandle(function, _kit.Handle, Irql.DISPATCH_LEVEL, cpu: 2);

        var violation = _kit.Single("NDMA1001");
        Assert.Equal($"{function} called at IRQL = PASSIVE_LEVEL", violation.Expected);
        Assert.Equal($"{function} called at DISPATCH_LEVEL (cpu2, in ProviderRoutine)", violation.Actual);
        Assert.Equal(page, violation.Page);
    }

    [Fact]
    public void NetDmaProviderStop_frees_every_live_channel_through_ProviderFreeDmaChannel()
    {
        _kit.RegisterAndStart();
        var ch0 = _kit.Allocate("ch0");
        var ch1 = _kit.Allocate("ch1", 0b0010);
        _kit.Host.FreeChannel("ch1", CallSite.ChannelOperationDefault);
        var ch2 = _kit.Allocate("ch2", 0b0100);
        _kit.Provider.Calls.Clear();
        _kit.Provider.Freed.Clear();

        _kit.Stop();

        _kit.AssertSilent();
        Assert.Equal([ch0.ProviderContext!, ch2.ProviderContext!], _kit.Provider.Freed);
        Assert.Equal(["ProviderFreeDmaChannel cpu0 PASSIVE_LEVEL", "ProviderFreeDmaChannel cpu0 PASSIVE_LEVEL"], _kit.Provider.Calls);
        Assert.All([ch0, ch1, ch2], c => Assert.Equal(ChannelState.Freed, c.State));
        Assert.Empty(_kit.Host.Channels);
        Assert.Equal(ProviderState.Stopped, _kit.Host.Provider!.State);
    }
}
