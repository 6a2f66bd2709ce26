namespace NetDma.ConformanceKit.Faults;

/// <summary>The kinds of fault the kit can inject, one per injection point (docs/faults.md).</summary>
public enum FaultKind
{
    /// <summary><c>pool</c>: ExAllocatePool2 returns NULL (nf-wdm-exallocatepool2.md: "returns NULL if there is insufficient memory").</summary>
    Pool,

    /// <summary><c>map-registers</c>: IoGetDmaAdapter grants fewer map registers than the device needs (nf-wdm-iogetdmaadapter.md).</summary>
    MapRegisters,

    /// <summary><c>connect-interrupt</c>: IoConnectInterruptEx fails with STATUS_INSUFFICIENT_RESOURCES.</summary>
    ConnectInterrupt,

    /// <summary><c>interrupt</c>: the device raises interrupts that signal no completion (spurious; many of them: a storm).</summary>
    Interrupt,

    /// <summary>
    /// <c>dma-read</c>: a device's bus read fails (a master abort), so its engine must halt the transfer with an error
    /// status (NetDmaTransferStatusHalted: "aborted because of errors", ns-netdma-_net_dma_channel_parameters.md).
    /// </summary>
    DmaRead,

    /// <summary>
    /// <c>surprise-removal</c>: the device leaves the bus at one of its bus accesses (descriptor fetch, data, completion
    /// status), mid-transfer: from then on its DMA fails and it raises no interrupt, as after an unplug; the PnP manager
    /// would then send IRP_MN_SURPRISE_REMOVAL and IRP_MN_REMOVE_DEVICE, never IRP_MN_STOP_DEVICE.
    /// </summary>
    SurpriseRemoval,

    /// <summary>
    /// <c>descriptor</c>: NetDMA submits an invalid copy descriptor, its SourceAddress in physical address space no
    /// memory answers at, so the engine's read fails (a master abort) and it must stop the transfer on an error:
    /// NetDmaTransferStatusHalted ("aborted because of errors", ns-netdma-_net_dma_channel_parameters.md) and a
    /// NetDmaInterruptDpc with a NULL DmaDescriptor (handling-a-netdma-interrupt-dpc.md).
    /// </summary>
    Descriptor,
}
