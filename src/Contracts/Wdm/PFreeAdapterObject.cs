namespace NetDma.Contracts.Wdm;

/// <summary>
/// <c>PFREE_ADAPTER_OBJECT</c> (FreeAdapterObject, DMA_OPERATIONS version 3): releases the adapter object after the
/// driver has completed all DMA operations (ns-wdm-_dma_operations.md). A driver that called AllocateAdapterChannelEx
/// with DMA_SYNCHRONOUS_CALLBACK and no ExecutionRoutine "must call FreeAdapterObject after it finishes using the
/// allocated resources" (nc-wdm-pallocate_adapter_channel_ex.md). No return value.
/// </summary>
/// <remarks>
/// The routine's own page (nc-wdm-pfree_adapter_object.md) is not in the spec corpus, so this delegate carries no
/// [Ddi] contract and no IRQL: the kit does not check the caller's IRQL. The parameters are the wdm.h prototype's;
/// <paramref name="AllocationAction"/> is read as AdapterControl's return value is (ne-wdm-_io_allocation_action.md):
/// DeallocateObject releases the map registers with the adapter object, DeallocateObjectKeepRegisters keeps them
/// until FreeMapRegisters. <see cref="DmaOperations.FreeAdapterObject"/> stays typed <see cref="System.Delegate"/> for
/// the same reason; the simulated adapter stores a <see cref="PFreeAdapterObject"/> there.
/// </remarks>
/// <param name="DmaAdapter">The adapter whose adapter object AllocateAdapterChannelEx allocated.</param>
/// <param name="AllocationAction">What to release with it: DeallocateObject or DeallocateObjectKeepRegisters.</param>
public delegate void PFreeAdapterObject(DmaAdapter DmaAdapter, IoAllocationAction AllocationAction);
