using NetDma.Contracts.Annotations;
using NetDma.Contracts.Platform;
using NetDma.Contracts.Status;
using NetDma.Contracts.Wdm;

namespace NetDma.Contracts.Kernel;

/// <summary>
/// The kernel routines a DMA driver calls (Ke*, Ex*, Io*). The conformance kit's simulated kernel implements them and,
/// like Driver Verifier, checks each call's IRQL and arguments and records a violation instead of crashing the caller.
/// Routines with a page in the spec corpus carry <see cref="DdiAttribute"/>; the others carry their wdm.h IRQL
/// annotations (their levels follow managing-hardware-priorities.md and the SAL annotations of wdm.h).
/// </summary>
public interface IWdmKernel
{
    /// <summary>KeGetCurrentIrql: the current processor's IRQL. Any level.</summary>
    Irql KeGetCurrentIrql();

    /// <summary>KeGetCurrentProcessorNumber: the CPU number (0-based) the caller runs on. Any level.</summary>
    uint KeGetCurrentProcessorNumber();

    /// <summary>KeQueryActiveProcessorCount: number of processors; CPU numbers are 0 .. count-1. Any level.</summary>
    uint KeQueryActiveProcessorCount();

    /// <summary>
    /// KeRaiseIrql: raise the current processor to <paramref name="NewIrql"/>, which must be &gt;= the current IRQL
    /// (rule NDMA1004), and save the old level in <paramref name="OldIrql"/> for KeLowerIrql.
    /// </summary>
    /// <param name="NewIrql">The new, higher or equal, level.</param>
    /// <param name="OldIrql">Receives the previous level.</param>
    [IrqlRaises]
    void KeRaiseIrql(Irql NewIrql, [IrqlSaves] out Irql OldIrql);

    /// <summary>
    /// KeLowerIrql: restore an IRQL saved by KeRaiseIrql; <paramref name="NewIrql"/> must be &lt;= the current IRQL
    /// (rule NDMA1004).
    /// </summary>
    /// <param name="NewIrql">The saved level.</param>
    void KeLowerIrql([IrqlRestores] Irql NewIrql);

    /// <summary>KeInitializeSpinLock: initialize a spin lock. Any level.</summary>
    /// <param name="SpinLock">The lock.</param>
    void KeInitializeSpinLock(KSpinLock SpinLock);

    /// <summary>
    /// KeAcquireSpinLock: acquire <paramref name="SpinLock"/>, raising to DISPATCH_LEVEL. Requires IRQL &lt;=
    /// DISPATCH_LEVEL; acquiring a lock this processor already holds deadlocks (rule NDMA1006).
    /// </summary>
    /// <param name="SpinLock">The lock.</param>
    /// <param name="OldIrql">Receives the IRQL to pass to KeReleaseSpinLock.</param>
    [IrqlRequiresMax(Irql.DISPATCH_LEVEL)]
    [IrqlRaises(Irql.DISPATCH_LEVEL)]
    void KeAcquireSpinLock(KSpinLock SpinLock, [IrqlSaves] out Irql OldIrql);

    /// <summary>KeReleaseSpinLock: release <paramref name="SpinLock"/> and lower to the saved IRQL. Requires DISPATCH_LEVEL.</summary>
    /// <param name="SpinLock">The lock, held by this processor.</param>
    /// <param name="NewIrql">The IRQL KeAcquireSpinLock saved.</param>
    [IrqlRequires(Irql.DISPATCH_LEVEL)]
    void KeReleaseSpinLock(KSpinLock SpinLock, [IrqlRestores] Irql NewIrql);

    /// <summary>
    /// KeInitializeDpc: initialize a DPC object with its routine and context. Any level.
    /// Source: nf-wdm-keinitializedpc.md.
    /// </summary>
    /// <param name="Dpc">The caller-allocated DPC object.</param>
    /// <param name="DeferredRoutine">The routine to run at DISPATCH_LEVEL.</param>
    /// <param name="DeferredContext">Passed to the routine.</param>
    [Ddi("KeInitializeDpc", DdiKind.Function, "wdm.h", "nf-wdm-keinitializedpc.md")]
    void KeInitializeDpc(
        [DdiParameter(DdiParameterDirection.Out)] KDpc Dpc,
        [DdiParameter(DdiParameterDirection.In)] KDeferredRoutine DeferredRoutine,
        [DdiParameter(DdiParameterDirection.In, Optional = true)] object? DeferredContext);

    /// <summary>
    /// KeInsertQueueDpc: queue an initialized DPC on its target processor (or the current one). Returns false when the
    /// DPC is already queued. Any level. Source: nf-wdm-keinsertqueuedpc.md.
    /// </summary>
    /// <param name="Dpc">The DPC object.</param>
    /// <param name="SystemArgument1">Passed to the routine.</param>
    /// <param name="SystemArgument2">Passed to the routine.</param>
    /// <returns>True when queued; false when it was already in a queue.</returns>
    [Ddi("KeInsertQueueDpc", DdiKind.Function, "wdm.h", "nf-wdm-keinsertqueuedpc.md")]
    bool KeInsertQueueDpc(
        [DdiParameter(DdiParameterDirection.InOut)] KDpc Dpc,
        [DdiParameter(DdiParameterDirection.In, Optional = true)] object? SystemArgument1,
        [DdiParameter(DdiParameterDirection.In, Optional = true)] object? SystemArgument2);

    /// <summary>
    /// KeSetTargetProcessorDpc: make the DPC run on CPU <paramref name="Number"/> (a CPU number, not a mask), which must
    /// be an active processor. Any level. Source: nf-ntddk-kesettargetprocessordpc.md (also nf-wdm-kesettargetprocessordpc.md).
    /// </summary>
    /// <param name="Dpc">The DPC object.</param>
    /// <param name="Number">Zero-based CPU number (<c>CCHAR</c>).</param>
    [Ddi("KeSetTargetProcessorDpc", DdiKind.Function, "ntddk.h", "nf-ntddk-kesettargetprocessordpc.md", AlsoDocumentedIn = ["nf-wdm-kesettargetprocessordpc.md"])]
    void KeSetTargetProcessorDpc(
        [DdiParameter(DdiParameterDirection.InOut)] KDpc Dpc,
        [DdiParameter(DdiParameterDirection.In)] byte Number);

    /// <summary>KeInitializeEvent: initialize an event, signaled or not. Any level.</summary>
    /// <param name="Event">The event.</param>
    /// <param name="State">Initial state: true for signaled.</param>
    void KeInitializeEvent(KEvent Event, bool State);

    /// <summary>KeSetEvent: signal an event. IRQL &lt;= DISPATCH_LEVEL.</summary>
    /// <param name="Event">The event.</param>
    /// <returns>The previous state.</returns>
    [IrqlRequiresMax(Irql.DISPATCH_LEVEL)]
    bool KeSetEvent(KEvent Event);

    /// <summary>
    /// KeWaitForSingleObject: wait for an event. With a non-zero or infinite time-out the caller must run at IRQL &lt;=
    /// APC_LEVEL (rule NDMA1002); a zero time-out (a poll) is allowed at DISPATCH_LEVEL. Returns STATUS_SUCCESS when
    /// signaled, STATUS_TIMEOUT when the time-out expired.
    /// </summary>
    /// <param name="Object">The event.</param>
    /// <param name="Timeout">Relative time-out in 100-ns units (negative in C; here a non-negative duration), 0 to poll, null for infinite.</param>
    /// <returns>STATUS_SUCCESS or STATUS_TIMEOUT.</returns>
    [IrqlRequiresMax(Irql.APC_LEVEL)]
    [DdiStatuses(NtStatus.STATUS_SUCCESS, NtStatus.STATUS_TIMEOUT)]
    NtStatus KeWaitForSingleObject(KEvent Object, long? Timeout);

    /// <summary>
    /// ExAllocatePool2: allocate <paramref name="NumberOfBytes"/> bytes of pool. Non-paged pool at IRQL &lt;=
    /// DISPATCH_LEVEL; paged pool only at IRQL &lt;= APC_LEVEL (rule NDMA1003). Returns the block's virtual address,
    /// or NULL on failure.
    /// </summary>
    /// <param name="PoolType">Paged or non-paged.</param>
    /// <param name="NumberOfBytes">Size in bytes.</param>
    /// <param name="Tag">Four-character pool tag.</param>
    /// <returns>The block, or <see cref="VirtualAddress.Null"/>.</returns>
    [IrqlRequiresMax(Irql.DISPATCH_LEVEL)]
    [MustInspectResult]
    VirtualAddress ExAllocatePool2(PoolType PoolType, ulong NumberOfBytes, uint Tag);

    /// <summary>ExFreePool: free a pool block. IRQL &lt;= DISPATCH_LEVEL (paged blocks: &lt;= APC_LEVEL).</summary>
    /// <param name="P">The block's address.</param>
    [IrqlRequiresMax(Irql.DISPATCH_LEVEL)]
    void ExFreePool(VirtualAddress P);

    /// <summary>
    /// MmGetPhysicalAddress: the CPU physical address of a resident (non-paged) virtual address, or
    /// <see cref="PhysicalAddress.Null"/> for an address the kernel does not map. This is not a device (logical)
    /// address: nc-wdm-pallocate_common_buffer.md tells drivers to give the device AllocateCommonBuffer's LogicalAddress
    /// "rather than calling MmGetPhysicalAddress" (rule NDMA4023). IRQL &lt;= DISPATCH_LEVEL. The routine's own page is
    /// not in the spec corpus.
    /// </summary>
    /// <param name="BaseAddress">A virtual address inside a live allocation.</param>
    /// <returns>The physical address, or <see cref="PhysicalAddress.Null"/>.</returns>
    [IrqlRequiresMax(Irql.DISPATCH_LEVEL)]
    PhysicalAddress MmGetPhysicalAddress(VirtualAddress BaseAddress);

    /// <summary>
    /// IoGetDmaAdapter: get the DMA adapter for a device and the maximum map registers per transfer. PASSIVE_LEVEL.
    /// Returns NULL when the requested DEVICE_DESCRIPTION version is not supported. Source: nf-wdm-iogetdmaadapter.md.
    /// </summary>
    /// <param name="PhysicalDeviceObject">The device's PDO.</param>
    /// <param name="DeviceDescription">The zero-initialized, then filled, description.</param>
    /// <param name="NumberOfMapRegisters">Receives the most map registers one AllocateAdapterChannel may ask for (a count).</param>
    /// <returns>The adapter, or null.</returns>
    [Ddi("IoGetDmaAdapter", DdiKind.Function, "wdm.h", "nf-wdm-iogetdmaadapter.md")]
    [IrqlRequires(Irql.PASSIVE_LEVEL)]
    [MustInspectResult]
    DmaAdapter? IoGetDmaAdapter(
        [DdiParameter(DdiParameterDirection.In, Optional = true)] DeviceObject? PhysicalDeviceObject,
        [DdiParameter(DdiParameterDirection.In)] DeviceDescription DeviceDescription,
        [DdiParameter(DdiParameterDirection.Out)] out uint NumberOfMapRegisters);

    /// <summary>
    /// IoConnectInterruptEx (message-based): connect an ISR to the device's interrupts as the start resources describe
    /// them (MSI-X messages with their target processors, or one line-based interrupt). PASSIVE_LEVEL.
    /// Returns STATUS_SUCCESS or STATUS_INSUFFICIENT_RESOURCES.
    /// </summary>
    /// <param name="PhysicalDeviceObject">The device's PDO.</param>
    /// <param name="MessageServiceRoutine">The ISR, run at DIRQL.</param>
    /// <param name="ServiceContext">Passed to the ISR.</param>
    /// <param name="InterruptObject">Receives the interrupt object.</param>
    /// <returns>STATUS_SUCCESS or STATUS_INSUFFICIENT_RESOURCES.</returns>
    [IrqlRequires(Irql.PASSIVE_LEVEL)]
    [MustInspectResult]
    [DdiStatuses(NtStatus.STATUS_SUCCESS, NtStatus.STATUS_INSUFFICIENT_RESOURCES)]
    NtStatus IoConnectInterruptEx(DeviceObject PhysicalDeviceObject, KMessageServiceRoutine MessageServiceRoutine, object? ServiceContext, out KInterrupt? InterruptObject);

    /// <summary>IoDisconnectInterruptEx: disconnect an ISR. PASSIVE_LEVEL.</summary>
    /// <param name="InterruptObject">The interrupt object IoConnectInterruptEx returned.</param>
    [IrqlRequires(Irql.PASSIVE_LEVEL)]
    void IoDisconnectInterruptEx(KInterrupt InterruptObject);

    /// <summary>IoStartNextPacket: let the I/O manager call StartIo with the device's next queued IRP. DISPATCH_LEVEL.</summary>
    /// <param name="DeviceObject">The device object.</param>
    [IrqlRequires(Irql.DISPATCH_LEVEL)]
    void IoStartNextPacket(DeviceObject DeviceObject);

    /// <summary>IoCompleteRequest: complete an IRP with a final status and byte count. IRQL &lt;= DISPATCH_LEVEL.</summary>
    /// <param name="Irp">The IRP.</param>
    /// <param name="Status">Its final status.</param>
    /// <param name="Information">Bytes transferred.</param>
    [IrqlRequiresMax(Irql.DISPATCH_LEVEL)]
    void IoCompleteRequest(Irp Irp, NtStatus Status, ulong Information);
}
