using NetDma.Contracts.Wdm;

namespace NetDma.ConformanceKit.Kernel;

/// <summary>
/// Surprise removal: a device leaves the bus without warning (the device is unplugged or fails; the PnP manager then
/// sends IRP_MN_SURPRISE_REMOVAL and later IRP_MN_REMOVE_DEVICE, with no IRP_MN_STOP_DEVICE between). From then on its
/// bus master reads fail (a master abort), its writes reach no memory and it raises no interrupt; its driver's
/// routines still run and still have to release everything by the time the device is removed.
/// </summary>
public sealed partial class SimulatedKernel
{
    /// <summary>Raised once when a device leaves the bus, by the <c>surprise_remove</c> command or a <c>surprise-removal</c> fault.</summary>
    public event Action<DeviceObject>? DeviceSurpriseRemoved;

    /// <summary>True once <paramref name="pdo"/> has left the bus.</summary>
    public bool IsSurpriseRemoved(DeviceObject pdo) => _devices.TryGetValue(pdo, out var bus) && bus.Removed;

    /// <summary>
    /// Takes <paramref name="pdo"/> off the bus: its DMA fails from now on and its pending interrupts are dropped
    /// (a device that is gone raises none). Traced; a second call does nothing.
    /// </summary>
    /// <param name="pdo">A device attached with <see cref="AttachDevice"/>.</param>
    public void SurpriseRemove(DeviceObject pdo)
    {
        var bus = _devices[pdo];
        if (bus.Removed)
        {
            return;
        }

        bus.Removed = true;
        var pending = _pendingInterrupts.Where(p => !ReferenceEquals(p.Bus, bus)).ToList();
        _pendingInterrupts.Clear();
        pending.ForEach(_pendingInterrupts.Enqueue);
        Log.Trace.Record($"hardware: {pdo.Name} left the bus (surprise removal): its DMA fails and it raises no interrupt from now on");
        DeviceSurpriseRemoved?.Invoke(pdo);
    }
}
