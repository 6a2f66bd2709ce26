using NetDma.Contracts.Annotations;

namespace NetDma.Contracts.Kernel;

/// <summary>
/// <c>KDEFERRED_ROUTINE</c>: a DPC routine; the kernel runs it at DISPATCH_LEVEL on the DPC's target processor
/// (KeSetTargetProcessorDpc) or on the processor that queued it. Source: nf-wdm-keinitializedpc.md.
/// </summary>
/// <param name="Dpc">The DPC object.</param>
/// <param name="DeferredContext">The context given to KeInitializeDpc.</param>
/// <param name="SystemArgument1">First argument given to KeInsertQueueDpc.</param>
/// <param name="SystemArgument2">Second argument given to KeInsertQueueDpc.</param>
[IrqlRequires(Irql.DISPATCH_LEVEL)]
public delegate void KDeferredRoutine(KDpc Dpc, object? DeferredContext, object? SystemArgument1, object? SystemArgument2);
