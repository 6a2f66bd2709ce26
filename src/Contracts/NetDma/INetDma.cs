using NetDma.Contracts.Annotations;
using NetDma.Contracts.Platform;
using NetDma.Contracts.Status;

namespace NetDma.Contracts.NetDma;

/// <summary>
/// The functions the NetDMA interface exports to providers (netdma.h). The conformance kit's host implements them;
/// a provider receives an instance in AddDevice and calls them. Each member's contract is on the member.
/// </summary>
public interface INetDma
{
    /// <summary>
    /// NetDmaRegisterProvider: register a provider, from AddDevice, at PASSIVE_LEVEL. With MSI-X, NetDMA calls
    /// ProviderSetDmaChannelCpuAffinity before returning. Returns STATUS_SUCCESS, STATUS_INSUFFICIENT_RESOURCES
    /// (page: STATUS_RESOURCES) or STATUS_UNSUCCESSFUL; the handle is valid only on success.
    /// Source: nf-netdma-netdmaregisterprovider.md.
    /// </summary>
    /// <param name="ProviderContext">The provider's context, passed back to provider-level handlers.</param>
    /// <param name="pNetDmaProviderHandle">Receives the provider handle. The page tags it [in] (it is a pointer the caller supplies); the function writes through it.</param>
    /// <param name="ProviderCharacteristics">Versions, limits and entry points.</param>
    /// <returns>The registration status.</returns>
    [Ddi("NetDmaRegisterProvider", DdiKind.Function, "netdma.h", "nf-netdma-netdmaregisterprovider.md")]
    [IrqlRequires(Irql.PASSIVE_LEVEL)]
    [MustInspectResult]
    [DdiStatuses(NtStatus.STATUS_SUCCESS, NtStatus.STATUS_INSUFFICIENT_RESOURCES, NtStatus.STATUS_UNSUCCESSFUL)]
    NtStatus NetDmaRegisterProvider(
        [DdiParameter(DdiParameterDirection.In)] object ProviderContext,
        [DdiParameter(DdiParameterDirection.Out, DdiParameterDirection.In)] out NetDmaProviderHandle pNetDmaProviderHandle,
        [DdiParameter(DdiParameterDirection.In)] NetDmaProviderCharacteristics ProviderCharacteristics);

    /// <summary>
    /// NetDmaDeregisterProvider: deregister a provider, after NetDmaProviderStop, typically for IRP_MN_REMOVE_DEVICE,
    /// at PASSIVE_LEVEL. No return value. Source: nf-netdma-netdmaderegisterprovider.md.
    /// </summary>
    /// <param name="NetDmaProviderHandle">The handle NetDmaRegisterProvider returned.</param>
    [Ddi("NetDmaDeregisterProvider", DdiKind.Function, "netdma.h", "nf-netdma-netdmaderegisterprovider.md")]
    [IrqlRequires(Irql.PASSIVE_LEVEL)]
    void NetDmaDeregisterProvider([DdiParameter(DdiParameterDirection.In)] NetDmaProviderHandle NetDmaProviderHandle);

    /// <summary>
    /// NetDmaProviderStart: tell NetDMA the engine is initialized and ready for every request, while handling
    /// IRP_MN_START_DEVICE, at PASSIVE_LEVEL. No return value. Source: nf-netdma-netdmaproviderstart.md.
    /// </summary>
    /// <param name="NetDmaProviderHandle">The provider handle.</param>
    /// <param name="ProviderAttributes">The engine's attributes (channel count, limits).</param>
    [Ddi("NetDmaProviderStart", DdiKind.Function, "netdma.h", "nf-netdma-netdmaproviderstart.md")]
    [IrqlRequires(Irql.PASSIVE_LEVEL)]
    void NetDmaProviderStart(
        [DdiParameter(DdiParameterDirection.In)] NetDmaProviderHandle NetDmaProviderHandle,
        [DdiParameter(DdiParameterDirection.In)] NetDmaProviderAttributes ProviderAttributes);

    /// <summary>
    /// NetDmaProviderStop: tell NetDMA the engine is no longer available; NetDMA waits for outstanding operations and
    /// frees every channel (ProviderFreeDmaChannel) before returning. PASSIVE_LEVEL. No return value.
    /// Source: nf-netdma-netdmaproviderstop.md.
    /// </summary>
    /// <param name="NetDmaProviderHandle">The provider handle.</param>
    [Ddi("NetDmaProviderStop", DdiKind.Function, "netdma.h", "nf-netdma-netdmaproviderstop.md")]
    [IrqlRequires(Irql.PASSIVE_LEVEL)]
    void NetDmaProviderStop([DdiParameter(DdiParameterDirection.In)] NetDmaProviderHandle NetDmaProviderHandle);

    /// <summary>
    /// NetDmaIsr: from the provider's ISR, at DIRQL (the page says DEVICE_LEVEL), report a DMA interrupt on a channel;
    /// NetDMA returns the CPU number on which the provider must queue the interrupt DPC. No return value.
    /// Source: nf-netdma-netdmaisr.md.
    /// </summary>
    /// <param name="NetDmaChannelHandle">The channel's NetDMA handle.</param>
    /// <param name="DmaDescriptor">Physical address of the descriptor associated with the interrupt.</param>
    /// <param name="pCpuNumber">Receives the CPU number (not a mask) for the interrupt DPC.</param>
    [Ddi("NetDmaIsr", DdiKind.Function, "netdma.h", "nf-netdma-netdmaisr.md")]
    [IrqlRequires(Irql.DIRQL)]
    void NetDmaIsr(
        [DdiParameter(DdiParameterDirection.In)] NetDmaChannelHandle NetDmaChannelHandle,
        [DdiParameter(DdiParameterDirection.In)] PhysicalAddress DmaDescriptor,
        [DdiParameter(DdiParameterDirection.Out)] out uint pCpuNumber);

    /// <summary>
    /// NetDmaInterruptDpc: from the provider's interrupt DPC, at DISPATCH_LEVEL, report completed descriptors on a
    /// channel. No return value. Source: nf-netdma-netdmainterruptdpc.md.
    /// </summary>
    /// <param name="NetDmaChannelHandle">The channel's NetDMA handle.</param>
    /// <param name="DmaDescriptor">Physical address of the last processed descriptor, or null when the DPC is not for a completion.</param>
    [Ddi("NetDmaInterruptDpc", DdiKind.Function, "netdma.h", "nf-netdma-netdmainterruptdpc.md")]
    [IrqlRequires(Irql.DISPATCH_LEVEL)]
    void NetDmaInterruptDpc(
        [DdiParameter(DdiParameterDirection.In)] NetDmaChannelHandle NetDmaChannelHandle,
        [DdiParameter(DdiParameterDirection.In, Optional = true)] PhysicalAddress? DmaDescriptor);

    /// <summary>
    /// NetDmaGetVersion: the NetDMA interface version, major in the high 16 bits and minor in the low 16 bits
    /// (0x00020000 is 2.0). Not exported by NetDMA 1.0: a provider finds it first with
    /// <see cref="Ndis.INdis.NdisGetRoutineAddress"/> and calls it only when that returned its entry point (rule NDMA3021).
    /// PASSIVE_LEVEL. Source: nf-netdma-netdmagetversion.md.
    /// </summary>
    /// <returns>(major &lt;&lt; 16) | minor.</returns>
    [Ddi("NetDmaGetVersion", DdiKind.Function, "netdma.h", "nf-netdma-netdmagetversion.md")]
    [IrqlRequires(Irql.PASSIVE_LEVEL)]
    uint NetDmaGetVersion();

    /// <summary>
    /// NetDmaPnPEventNotify: report a power transition of the provider's device (NetDMA 1.1 and later), at
    /// PASSIVE_LEVEL. No return value. Source: nf-netdma-netdmapnpeventnotify.md.
    /// </summary>
    /// <param name="NetDmaProviderHandle">The provider handle.</param>
    /// <param name="PnPEvent">The event: NetDmaNotificationProviderPowerDown or NetDmaNotificationProviderPowerUp.</param>
    [Ddi("NetDmaPnPEventNotify", DdiKind.Function, "netdma.h", "nf-netdma-netdmapnpeventnotify.md")]
    [IrqlRequires(Irql.PASSIVE_LEVEL)]
    void NetDmaPnPEventNotify(
        [DdiParameter(DdiParameterDirection.In)] NetDmaProviderHandle NetDmaProviderHandle,
        [DdiParameter(DdiParameterDirection.In)] NetDmaPnPNotification PnPEvent);
}
