using NetDma.Contracts.Wdm;

namespace NetDma.ConformanceKit.Host;

// Surprise removal as NetDMA sees it: the provider's device left the bus (IRP_MN_SURPRISE_REMOVAL, or a
// surprise-removal fault mid-transfer). No DMA operation of a device that is gone can complete, so NetDMA's waits
// for outstanding operations (NetDmaHost.Outstanding.cs) end at once.
public sealed partial class NetDmaHost
{
    /// <summary>True once the provider's device left the bus (surprise removal): its engine reaches no memory and raises no interrupt.</summary>
    public bool DeviceGone { get; private set; }

    private void ObserveDeviceRemoved(DeviceObject device)
    {
        DeviceGone = true;
        Trace($"NetDMA: {device.Name} left the bus (surprise removal); no DMA operation outstanding on its channels can complete");
    }
}
