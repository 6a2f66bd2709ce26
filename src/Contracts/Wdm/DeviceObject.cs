namespace NetDma.Contracts.Wdm;

/// <summary>
/// <c>DEVICE_OBJECT</c>, reduced to what the DMA contracts use: an identity, the <c>CurrentIrp</c> that
/// AllocateAdapterChannel hands to AdapterControl, and the device's name for reports. The simulated PnP manager
/// creates the physical device object (PDO); a driver creates its functional device object (FDO) in AddDevice.
/// </summary>
public sealed class DeviceObject(string name)
{
    /// <summary>Name for reports, e.g. <c>\Device\NetDmaPdo0</c>.</summary>
    public string Name { get; } = name;

    /// <summary>
    /// <c>DeviceObject-&gt;CurrentIrp</c>: the IRP StartIo is processing; AllocateAdapterChannel passes it to AdapterControl
    /// (nc-wdm-pallocate_adapter_channel.md).
    /// </summary>
    public Irp? CurrentIrp { get; set; }

    /// <summary>
    /// <c>DeviceObject-&gt;AlignmentRequirement</c>: the alignment the device's data buffers need, as the mask a buffer
    /// address ANDed with it must clear (0 = byte, 1 = word, 3 = long ... alignment), so the alignment in bytes is
    /// <c>AlignmentRequirement + 1</c>. nc-wdm-pget_dma_alignment.md: GetDmaAlignment's value "should be used to set the
    /// AlignmentRequirement field in the device object", increased if the hardware needs more. 0 until the driver sets it.
    /// </summary>
    public uint AlignmentRequirement { get; set; }

    /// <summary>Driver-defined extension (<c>DeviceExtension</c>).</summary>
    public object? DeviceExtension { get; set; }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
