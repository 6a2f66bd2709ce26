using NetDma.ConformanceKit.Scripting;
using NetDma.Contracts.Annotations;

namespace NetDma.ConformanceKit.Exploration;

/// <summary>
/// One generated step with every parameter any step may need, as raw values; the model reads only those its
/// <see cref="Kind"/> uses and maps them into the current state (a channel among the applicable ones, a CPU among the
/// active ones). Raw values keep every shrunk case valid: CsCheck may shrink any field and the model still produces a
/// sequence NetDMA could make.
/// </summary>
/// <param name="Kind">What NetDMA does.</param>
/// <param name="Channel">Raw channel choice: an index into the channels the step applies to, modulo their number.</param>
/// <param name="Mask">Raw ProcessorAffinityMask for an allocation (1..255); the model keeps the active CPUs' bits.</param>
/// <param name="Irql">The IRQL NetDMA calls the handler at: PASSIVE_LEVEL, APC_LEVEL or DISPATCH_LEVEL (every handler page allows &lt;= DISPATCH_LEVEL).</param>
/// <param name="Cpu">Raw CPU of the call; the model takes it modulo the processor count.</param>
/// <param name="Descriptors">The chain a start or append submits, 1..4 descriptors.</param>
/// <param name="Interrupt">Which descriptors of the chain set NET_DMA_INTERRUPT_ON_COMPLETION.</param>
/// <param name="StatusUpdate">Whether the chain's descriptors set NET_DMA_STATUS_UPDATE_ON_COMPLETION.</param>
/// <param name="Steps">Engine steps of a <see cref="OperationKind.RunSteps"/>, 1..8.</param>
public sealed record GeneratedOperation(
    OperationKind Kind, int Channel, uint Mask, Irql Irql, int Cpu, IReadOnlyList<GeneratedDescriptor> Descriptors,
    InterruptMode Interrupt, bool StatusUpdate, int Steps)
{
    /// <summary>
    /// The lanes of an <see cref="OperationKind.Concurrently"/> block, in order: channel steps (append, which becomes a
    /// start on a channel waiting for one, free, suspend and abort) and runs; empty for every other kind. The model keeps
    /// at most one run, one lane per channel and one per processor, and drops a lane the state does not allow.
    /// </summary>
    public IReadOnlyList<GeneratedOperation> Lanes { get; init; } = [];
}
