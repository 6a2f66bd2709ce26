namespace NetDma.Contracts.Wdm;

/// <summary>
/// <c>DEVICE_POWER_STATE</c> (wdm.h): a device power state, as IRP_MN_SET_POWER carries it in
/// <c>Parameters.Power.State.DeviceState</c>. D0 is the working state; D3 is off.
/// </summary>
public enum DevicePowerState
{
    /// <summary><c>PowerDeviceUnspecified</c>.</summary>
    PowerDeviceUnspecified = 0,

    /// <summary><c>PowerDeviceD0</c>: fully on, the working state.</summary>
    PowerDeviceD0,

    /// <summary><c>PowerDeviceD1</c>.</summary>
    PowerDeviceD1,

    /// <summary><c>PowerDeviceD2</c>.</summary>
    PowerDeviceD2,

    /// <summary><c>PowerDeviceD3</c>: off, a low-power state.</summary>
    PowerDeviceD3,

    /// <summary><c>PowerDeviceMaximum</c>: one past the last state; not a state.</summary>
    PowerDeviceMaximum,
}
