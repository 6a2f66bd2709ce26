namespace NetDma.ConformanceKit.Scripting;

/// <summary>
/// The PnP state of the script's one device, as the PnP manager moves it: AddDevice, then IRP_MN_START_DEVICE and
/// IRP_MN_STOP_DEVICE any number of times, then IRP_MN_REMOVE_DEVICE (starting-a-netdma-provider.md,
/// stopping-a-netdma-provider.md).
/// </summary>
internal enum ScriptDeviceState
{
    /// <summary>No <c>add_device</c> yet, or the device was removed.</summary>
    NotAdded,

    /// <summary>After <c>add_device</c> or <c>stop_device</c>: the driver has its device object but is not started.</summary>
    Added,

    /// <summary>After <c>start_device</c>: a NetDMA provider has called NetDmaProviderStart; channels can be allocated.</summary>
    Started,
}
