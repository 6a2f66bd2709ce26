using NetDma.Contracts.Wdm;

namespace NetDma.ConformanceKit.Scripting;

/// <summary>
/// <c>set_power D3</c> / <c>set_power D0</c>: IRP_MN_SET_POWER for device power state PowerDeviceD3 or PowerDeviceD0,
/// at PASSIVE_LEVEL, to a started device whose driver implements <see cref="Contracts.Platform.IDevicePowerDriver"/>
/// (a driver without it skips the script). For D3 the driver's handler runs first and the bus driver then takes the
/// device out of D0; for D0 the bus driver first brings the device back. A NetDMA provider reports
/// NetDmaNotificationProviderPowerDown before the device leaves D0 and NetDmaNotificationProviderPowerUp after it is
/// back (ne-netdma-_net_dma_pnp_notification_code.md).
/// </summary>
/// <param name="Location">Where the command's keyword is.</param>
/// <param name="DeviceState">PowerDeviceD3 or PowerDeviceD0.</param>
public sealed record SetPowerCommand(SourceLocation Location, DevicePowerState DeviceState)
    : ScriptCommand(Location)
{
    /// <summary>The script spelling of <see cref="DeviceState"/>: <c>D3</c> or <c>D0</c>.</summary>
    public string StateName => DeviceState == DevicePowerState.PowerDeviceD3 ? "D3" : "D0";
}
