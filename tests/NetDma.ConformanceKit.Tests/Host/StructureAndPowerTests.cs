using NetDma.ConformanceKit.Host;
using NetDma.Contracts.Annotations;
using NetDma.Contracts.NetDma;
using NetDma.Contracts.Status;
using NetDma.Contracts.Wdm;

namespace NetDma.ConformanceKit.Tests.Host;

/// <summary>
/// The host's checks of the structures a provider passes (NDMA3017, NDMA3018, NDMA3019), of the power notifications
/// around IRP_MN_SET_POWER (NDMA3020) and of the NetDmaGetVersion lookup (NDMA3021), one observation each.
/// </summary>
public sealed class StructureAndPowerTests
{
    private readonly HostTestKit _kit = new();

    private void Notify(NetDmaPnPNotification notification) =>
        _kit.AsProvider(Irql.PASSIVE_LEVEL, () => _kit.Host.NetDmaPnPEventNotify(_kit.Handle, notification));

    private static NetDmaPnPNotification Power(NetDmaPnPNotificationCode code) => new() { NotificationCode = code };

    [Fact]
    public void NULL_ProviderContext_reports_NDMA3017_with_the_register_page()
    {
        _kit.Host.InAddDevice = true;
        _kit.AsProvider(Irql.PASSIVE_LEVEL, () => _kit.Host.NetDmaRegisterProvider(null!, out _, _kit.Provider.Characteristics()));

        var violation = _kit.Single("NDMA3017");
        Assert.Equal("ProviderContext = NULL", violation.Actual);
        Assert.Equal("nf-netdma-netdmaregisterprovider.md", violation.Page);
    }

    [Fact]
    public void Characteristics_size_and_1x_flags_report_NDMA3017()
    {
        var characteristics = _kit.Provider.Characteristics(majorVersion: 1, minorVersion: 1);
        characteristics.Size = 100;
        characteristics.Flags = NetDmaProviderCharacteristics.NET_DMA_PROVIDER_CHARACTERISTICS_DCA_SUPPORTED;

        _kit.Register(characteristics);

        Assert.Equal(["Size = 100", "Flags = 0x00000001"], _kit.Log.All.Select(v => v.Actual));
        Assert.All(_kit.Log.All, v => Assert.Equal("NDMA3017", v.Rule.Id));
    }

    [Fact]
    public void NetDMA_2_0_provider_may_set_the_DCA_flag()
    {
        var characteristics = _kit.Provider.Characteristics();
        characteristics.Flags = NetDmaProviderCharacteristics.NET_DMA_PROVIDER_CHARACTERISTICS_DCA_SUPPORTED;

        _kit.Register(characteristics);

        _kit.AssertSilent();
    }

    [Fact]
    public void Optional_handler_answering_STATUS_NOT_SUPPORTED_reports_NDMA3017_beside_NDMA2001()
    {
        _kit.RegisterAndStart();
        _kit.Allocate();
        _kit.Provider.AbortStatus = NtStatus.STATUS_NOT_SUPPORTED;

        _kit.Host.AbortDma("ch0", CallSite.ChannelOperationDefault);

        Assert.Equal(["NDMA2001", "NDMA3017"], _kit.Log.All.Select(v => v.Rule.Id));
        Assert.Equal("netdma-provider-services.md", _kit.Log.All[1].Page);
    }

    [Fact]
    public void Attributes_flags_and_small_transfer_size_report_NDMA3018()
    {
        _kit.Register();
        var attributes = _kit.Attributes();
        attributes.Flags = 2;
        attributes.MaximumTransferSize = 2048;

        _kit.Host.InStartDevice = true; // from IRP_MN_START_DEVICE, so only the attributes are wrong (NDMA3027)
        _kit.AsProvider(Irql.PASSIVE_LEVEL, () => _kit.Host.NetDmaProviderStart(_kit.Handle, attributes));

        Assert.Equal(["Flags = 0x00000002", "MaximumTransferSize = 2048"], _kit.Log.All.Select(v => v.Actual));
        Assert.All(_kit.Log.All, v => Assert.Equal("ns-netdma-_net_dma_provider_attributes.md", v.Page));
    }

    [Fact]
    public void Notification_revision_and_size_report_NDMA3019()
    {
        _kit.RegisterAndStart();
        var notification = Power(NetDmaPnPNotificationCode.NetDmaNotificationProviderPowerDown);
        notification.StructureRevision = 2;
        notification.StructureSize = 40;

        Notify(notification);

        Assert.Equal(["StructureRevision = 2", "StructureSize = 40"], _kit.Log.All.Select(v => v.Actual));
        Assert.All(_kit.Log.All, v => Assert.Equal("NDMA3019", v.Rule.Id));
    }

    [Fact]
    public void PowerUp_while_handling_the_power_down_reports_NDMA3020()
    {
        _kit.RegisterAndStart();

        _kit.Host.SetDevicePower(DevicePowerState.PowerDeviceD3, () =>
        {
            Notify(Power(NetDmaPnPNotificationCode.NetDmaNotificationProviderPowerDown));
            Notify(Power(NetDmaPnPNotificationCode.NetDmaNotificationProviderPowerUp));
            return NtStatus.STATUS_SUCCESS;
        });

        Assert.Equal("NetDmaNotificationProviderPowerUp while handling IRP_MN_SET_POWER(PowerDeviceD3), before the device left D0", _kit.Single("NDMA3020").Actual);
    }

    [Fact]
    public void PowerDown_with_the_device_in_D3_and_a_power_up_without_PowerUp_report_NDMA3020()
    {
        _kit.RegisterAndStart();
        _kit.Host.SetDevicePower(DevicePowerState.PowerDeviceD3, () =>
        {
            Notify(Power(NetDmaPnPNotificationCode.NetDmaNotificationProviderPowerDown));
            return NtStatus.STATUS_SUCCESS;
        });
        _kit.AssertSilent();

        Notify(Power(NetDmaPnPNotificationCode.NetDmaNotificationProviderPowerDown));
        _kit.Host.SetDevicePower(DevicePowerState.PowerDeviceD0, () => NtStatus.STATUS_SUCCESS);

        Assert.Equal(
            ["NetDmaNotificationProviderPowerDown with the device already in PowerDeviceD3", "the handler returned without NetDmaNotificationProviderPowerUp"],
            _kit.Log.All.Select(v => v.Actual));
    }

    [Fact]
    public void NetDmaGetVersion_on_NetDMA_1_0_after_a_NULL_lookup_reports_NDMA3021()
    {
        var kit = new HostTestKit(new HostOptions(NetDmaMajor: 1, NetDmaMinor: 0));

        var entryPoint = kit.AsProvider(Irql.PASSIVE_LEVEL, () => kit.Host.NdisGetRoutineAddress(nameof(INetDma.NetDmaGetVersion)));
        kit.AsProvider(Irql.PASSIVE_LEVEL, kit.Host.NetDmaGetVersion);

        Assert.Null(entryPoint);
        var violation = kit.Single("NDMA3021");
        Assert.Equal("NetDmaGetVersion called after NdisGetRoutineAddress(\"NetDmaGetVersion\") returned NULL; NetDMA 1.0 does not export it", violation.Actual);
    }
}
