namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA4018: at IRP_MN_REMOVE_DEVICE it calls IoGetDmaAdapter again (to read the map-register count for a log
/// line) and puts the new adapter at once; a PnP driver calls IoGetDmaAdapter from AddDevice or IRP_MN_START_DEVICE
/// (nf-wdm-iogetdmaadapter.md).
/// </summary>
public sealed class DmaAdapterAtRemovalDriver : BrokenWdmDriver
{
    public override void RemoveDevice()
    {
        base.RemoveDevice();
        var adapter = Kernel.IoGetDmaAdapter(Environment.PhysicalDeviceObject, Describe(), out _);
        adapter?.DmaOperations.PutDmaAdapter!(adapter);
    }
}
