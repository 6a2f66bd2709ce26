using NetDma.Contracts.Kernel;

namespace NetDma.ConformanceKit.Kernel;

/// <summary>The kernel's view of one initialized KDPC (the opaque object's fields).</summary>
/// <param name="number">The DPC's number in reports (<c>dpc#1</c>).</param>
/// <param name="routine">The deferred routine.</param>
/// <param name="context">Its DeferredContext.</param>
internal sealed class DpcState(int number, KDeferredRoutine routine, object? context)
{
    /// <summary>The DPC's number in reports.</summary>
    public int Number { get; } = number;

    /// <summary>The routine KeInitializeDpc set.</summary>
    public KDeferredRoutine Routine { get; set; } = routine;

    /// <summary>The DeferredContext KeInitializeDpc set.</summary>
    public object? Context { get; set; } = context;

    /// <summary>The CPU KeSetTargetProcessorDpc chose, or null for "the processor that queues it".</summary>
    public uint? TargetProcessor { get; set; }

    /// <summary>True while the DPC sits in a processor's queue.</summary>
    public bool Queued { get; set; }

    /// <summary>SystemArgument1 of the pending KeInsertQueueDpc.</summary>
    public object? SystemArgument1 { get; set; }

    /// <summary>SystemArgument2 of the pending KeInsertQueueDpc.</summary>
    public object? SystemArgument2 { get; set; }

    /// <summary>Report form: <c>dpc#1 (MyDpcRoutine)</c>.</summary>
    public override string ToString() => $"dpc#{Number} ({Routine.Method.Name})";
}
