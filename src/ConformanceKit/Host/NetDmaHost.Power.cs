using NetDma.ConformanceKit.Rules;
using NetDma.Contracts.NetDma;
using NetDma.Contracts.Status;
using NetDma.Contracts.Wdm;

namespace NetDma.ConformanceKit.Host;

// Device power transitions and the power notifications a provider owes NetDMA around them (NDMA3020):
// NetDmaNotificationProviderPowerDown "before it sets the DMA provider to a low-power state" and
// NetDmaNotificationProviderPowerUp "after the DMA provider is back to a working power state"
// (ne-netdma-_net_dma_pnp_notification_code.md).
public sealed partial class NetDmaHost
{
    private const string PowerCodePage = "ne-netdma-_net_dma_pnp_notification_code.md";

    /// <summary>The IRP_MN_SET_POWER the driver is handling now, or null.</summary>
    private DevicePowerState? _setPowerInProgress;

    /// <summary>True once the notification the handled IRP_MN_SET_POWER calls for was reported.</summary>
    private bool _powerTransitionReported;

    /// <summary>The device's power state as its bus driver set it: PowerDeviceD0 until a power-down.</summary>
    public DevicePowerState DevicePowerState { get; private set; } = DevicePowerState.PowerDeviceD0;

    /// <summary>
    /// The power manager sends IRP_MN_SET_POWER(<paramref name="deviceState"/>) down the device stack: for
    /// PowerDeviceD3 the driver's handler (<paramref name="callDriver"/>) runs first and the bus driver then takes the
    /// device out of D0; for PowerDeviceD0 the bus driver first brings the device back to D0, then the driver's handler
    /// runs. A registered provider must report NetDmaNotificationProviderPowerDown while handling the D3 request and
    /// NetDmaNotificationProviderPowerUp while handling the D0 request (NDMA3020).
    /// </summary>
    /// <param name="deviceState">PowerDeviceD3 or PowerDeviceD0, the opposite of <see cref="DevicePowerState"/>.</param>
    /// <param name="callDriver">Calls the driver's IRP_MN_SET_POWER handler.</param>
    /// <returns>The driver's status.</returns>
    /// <exception cref="ScriptSequenceException">The device is already in <paramref name="deviceState"/>, or the state is neither D0 nor D3.</exception>
    public NtStatus SetDevicePower(DevicePowerState deviceState, Func<NtStatus> callDriver)
    {
        ArgumentNullException.ThrowIfNull(callDriver);
        if (deviceState is not (DevicePowerState.PowerDeviceD0 or DevicePowerState.PowerDeviceD3) || deviceState == DevicePowerState)
        {
            throw new ScriptSequenceException($"the power manager sends IRP_MN_SET_POWER({deviceState}) only to a device in the other of PowerDeviceD0 and PowerDeviceD3; the device is in {DevicePowerState}");
        }

        if (deviceState == DevicePowerState.PowerDeviceD0)
        {
            DevicePowerState = DevicePowerState.PowerDeviceD0;
        }

        _setPowerInProgress = deviceState;
        _powerTransitionReported = false;
        NtStatus status;
        try
        {
            status = callDriver();
        }
        finally
        {
            _setPowerInProgress = null;
        }

        Log.Checked(LifecycleRules.PowerNotificationsInOrder);
        if (!_powerTransitionReported && Provider is { State: ProviderState.Started })
        {
            Log.Report(LifecycleRules.PowerNotificationsInOrder,
                deviceState == DevicePowerState.PowerDeviceD3
                    ? "NetDmaPnPEventNotify(NetDmaNotificationProviderPowerDown) while handling IRP_MN_SET_POWER(PowerDeviceD3), before the device leaves D0"
                    : "NetDmaPnPEventNotify(NetDmaNotificationProviderPowerUp) while handling IRP_MN_SET_POWER(PowerDeviceD0), after the device is back in D0",
                deviceState == DevicePowerState.PowerDeviceD3
                    ? "the handler returned without NetDmaNotificationProviderPowerDown, and the device left D0"
                    : "the handler returned without NetDmaNotificationProviderPowerUp",
                PowerCodePage);
        }

        if (deviceState == DevicePowerState.PowerDeviceD3)
        {
            DevicePowerState = DevicePowerState.PowerDeviceD3;
        }

        return status;
    }

    /// <summary>NDMA3020: a power notification at its place relative to the device's power state.</summary>
    private void CheckPowerNotificationOrder(NetDmaPnPNotificationCode code)
    {
        Log.Checked(LifecycleRules.PowerNotificationsInOrder);
        if (code == NetDmaPnPNotificationCode.NetDmaNotificationProviderPowerDown)
        {
            if (DevicePowerState != DevicePowerState.PowerDeviceD0)
            {
                Log.Report(LifecycleRules.PowerNotificationsInOrder, "NetDmaNotificationProviderPowerDown before the device leaves D0",
                    $"NetDmaNotificationProviderPowerDown with the device already in {DevicePowerState}", PowerCodePage);
            }
            else if (_setPowerInProgress == DevicePowerState.PowerDeviceD3)
            {
                _powerTransitionReported = true;
            }

            return;
        }

        if (DevicePowerState != DevicePowerState.PowerDeviceD0)
        {
            Log.Report(LifecycleRules.PowerNotificationsInOrder, "NetDmaNotificationProviderPowerUp after the device is back in D0",
                $"NetDmaNotificationProviderPowerUp with the device in {DevicePowerState}", PowerCodePage);
        }
        else if (_setPowerInProgress == DevicePowerState.PowerDeviceD3)
        {
            Log.Report(LifecycleRules.PowerNotificationsInOrder, "NetDmaNotificationProviderPowerUp after the device is back in D0 (while handling IRP_MN_SET_POWER(PowerDeviceD0))",
                "NetDmaNotificationProviderPowerUp while handling IRP_MN_SET_POWER(PowerDeviceD3), before the device left D0", PowerCodePage);
        }
        else if (_setPowerInProgress == DevicePowerState.PowerDeviceD0)
        {
            _powerTransitionReported = true;
        }
    }
}
