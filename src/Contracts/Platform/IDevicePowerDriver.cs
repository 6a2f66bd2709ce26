using NetDma.Contracts.Annotations;
using NetDma.Contracts.Status;
using NetDma.Contracts.Wdm;

namespace NetDma.Contracts.Platform;

/// <summary>
/// The device power entry point of a driver: IRP_MN_SET_POWER for a device power state, as the simulated power manager
/// sends it at PASSIVE_LEVEL. Optional, beside <see cref="INetDmaProviderDriver"/> or <see cref="IWdmDmaDriver"/>: a
/// driver class that implements it can be power-cycled by the <c>set_power</c> script command; a script with
/// <c>set_power</c> skips a driver without it (a missing capability, not a failure).
/// </summary>
/// <remarks>
/// A NetDMA provider reports the transitions to NetDMA with NetDmaPnPEventNotify: NetDmaNotificationProviderPowerDown
/// "before it sets the DMA provider to a low-power state" and NetDmaNotificationProviderPowerUp "after the DMA provider
/// is back to a working power state" (ne-netdma-_net_dma_pnp_notification_code.md). The simulated bus driver below the
/// driver's FDO takes the device out of D0 after <see cref="SetPower"/> returns for PowerDeviceD3, and back to D0
/// before it calls <see cref="SetPower"/> for PowerDeviceD0, as a PDO does with a power IRP passed down to it.
/// </remarks>
public interface IDevicePowerDriver
{
    /// <summary>
    /// IRP_MN_SET_POWER with <c>Parameters.Power.Type = DevicePowerState</c>: PowerDeviceD3 is handled before the
    /// device leaves D0 (quiesce the engine, then pass the IRP down); PowerDeviceD0 after the device is back in D0
    /// (restore the engine). PASSIVE_LEVEL.
    /// </summary>
    /// <param name="DeviceState">The new device power state: PowerDeviceD3 or PowerDeviceD0.</param>
    /// <returns>STATUS_SUCCESS; a driver does not fail a device set-power request.</returns>
    [IrqlRequires(Irql.PASSIVE_LEVEL)]
    NtStatus SetPower(DevicePowerState DeviceState);
}
