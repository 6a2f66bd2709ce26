using NetDma.ConformanceKit.Diagnostics;
using NetDma.ConformanceKit.Rules;
using NetDma.Contracts.Annotations;
using NetDma.Contracts.Kernel;

namespace NetDma.ConformanceKit.Kernel;

/// <summary>DPCs: KeInitializeDpc, KeSetTargetProcessorDpc, KeInsertQueueDpc and the per-processor DPC queues.</summary>
public sealed partial class SimulatedKernel
{
    /// <summary>The routine name DPCs run under in traces and reports.</summary>
    public const string DpcRoutineName = "DPC (KDEFERRED_ROUTINE)";

    /// <summary>Most DPC runs one <see cref="DrainDpcs"/> makes before it reports a DPC storm (NDMA2003).</summary>
    public const int DpcRunBudget = 100_000;

    private const string DpcPage = "nf-wdm-keinitializedpc.md";

    private readonly Dictionary<KDpc, DpcState> _dpcs = new(ReferenceEqualityComparer.Instance);
    private bool _draining;

    /// <summary>
    /// Raised just before a DPC routine runs, with the DPC and the CPU number it runs on (the host checks that a
    /// channel's NetDmaInterruptDpc runs on its reported CpuNumber, rule NDMA3005).
    /// </summary>
    public event Action<KDpc, uint>? DpcStarted;

    /// <summary>Number of DPCs waiting in processor <paramref name="cpu"/>'s queue.</summary>
    public int QueuedDpcCount(uint cpu) => Processor(cpu).DpcQueue.Count;

    /// <inheritdoc/>
    /// <remarks>Re-initializing a DPC resets its target processor unless it is queued.</remarks>
    public void KeInitializeDpc(KDpc Dpc, KDeferredRoutine DeferredRoutine, object? DeferredContext)
    {
        ArgumentNullException.ThrowIfNull(Dpc);
        ArgumentNullException.ThrowIfNull(DeferredRoutine);
        var known = _dpcs.TryGetValue(Dpc, out var state);
        var number = known ? state!.Number : _dpcs.Count + 1;
        if (!Enter(nameof(KeInitializeDpc), $"dpc#{number} ({DeferredRoutine.Method.Name})"))
        {
            return;
        }

        if (!known)
        {
            _dpcs.Add(Dpc, new DpcState(number, DeferredRoutine, DeferredContext));
            return;
        }

        state!.Routine = DeferredRoutine;
        state.Context = DeferredContext;
        if (!state.Queued)
        {
            state.TargetProcessor = null;
        }
    }

    /// <inheritdoc/>
    /// <remarks>
    /// A <paramref name="Number"/> that is not an active processor is reported as NDMA3029 (the DPC could not run on
    /// the CPU the driver meant) and, as nf-ntddk-kesettargetprocessordpc.md documents, the target does not change.
    /// A DPC not initialized with KeInitializeDpc is reported as NDMA1008, an inactive Number as NDMA3029. Retargeting a queued DPC does not move it.
    /// </remarks>
    public void KeSetTargetProcessorDpc(KDpc Dpc, byte Number)
    {
        ArgumentNullException.ThrowIfNull(Dpc);
        var page = KernelRoutineContract.Of(nameof(KeSetTargetProcessorDpc)).Page;
        var known = _dpcs.TryGetValue(Dpc, out var state);
        if (!Enter(nameof(KeSetTargetProcessorDpc), $"{(known ? state!.ToString() : "uninitialized DPC")}, Number = {Number}"))
        {
            return;
        }

        Log.Checked(IrqlRules.DpcInitializedBeforeUse);
        if (!known)
        {
            ReportUninitializedDpc(nameof(KeSetTargetProcessorDpc), page);
            return;
        }

        Log.Checked(LifecycleRules.DpcTargetActiveProcessor);
        if (Number >= ProcessorCount)
        {
            Log.Report(LifecycleRules.DpcTargetActiveProcessor,
                $"KeSetTargetProcessorDpc with an active CPU number below {ProcessorCount} (KeQueryActiveProcessorCount)",
                $"KeSetTargetProcessorDpc({state}, Number = {Number}) ({DescribeContext()}); the target stays {DescribeTarget(state!)}",
                page);
            return;
        }

        Log.Checked(AdapterRules.TargetDpcBeforeQueue);
        if (state!.Queued)
        {
            // nf-wdm-kesettargetprocessordpc.md: "a KeSetTargetProcessorDpc call must occur before the call to
            // KeInsertQueueDpc ... that queues the DPC object"; once queued, it runs where it was queued.
            Log.Report(AdapterRules.TargetDpcBeforeQueue, $"KeSetTargetProcessorDpc({state}) before the KeInsertQueueDpc that queues it",
                $"KeSetTargetProcessorDpc({state}, Number = {Number}) while the DPC is queued for cpu{QueuedOn(Dpc)} ({DescribeContext()}); it runs there",
                AdapterRules.TargetDpcBeforeQueue.Page);
        }

        state.TargetProcessor = Number;
    }

    /// <inheritdoc/>
    /// <remarks>
    /// The DPC goes to its target processor's queue, or the current processor's. A DPC not initialized with
    /// KeInitializeDpc is reported as NDMA1008 and not queued. Run queued DPCs with <see cref="DrainDpcs"/>.
    /// </remarks>
    public bool KeInsertQueueDpc(KDpc Dpc, object? SystemArgument1, object? SystemArgument2)
    {
        ArgumentNullException.ThrowIfNull(Dpc);
        var page = KernelRoutineContract.Of(nameof(KeInsertQueueDpc)).Page;
        var known = _dpcs.TryGetValue(Dpc, out var state);
        if (!Enter(nameof(KeInsertQueueDpc), known ? new TraceArguments("dpc#{0} ({1})", (uint)state!.Number, state.Routine.Method.Name) : "uninitialized DPC"))
        {
            return false;
        }

        Log.Checked(IrqlRules.DpcInitializedBeforeUse);
        if (!known)
        {
            ReportUninitializedDpc(nameof(KeInsertQueueDpc), page);
            return false;
        }

        if (state!.Queued)
        {
            return false;
        }

        state.Queued = true;
        state.SystemArgument1 = SystemArgument1;
        state.SystemArgument2 = SystemArgument2;
        _processors[state.TargetProcessor ?? CurrentProcessor].DpcQueue.Enqueue(Dpc);
        return true;
    }

    /// <summary>
    /// Runs every queued DPC at DISPATCH_LEVEL on the processor whose queue holds it (its KeSetTargetProcessorDpc
    /// target, else the processor that queued it): each queue in FIFO order, processors in ascending order, repeated
    /// until every queue is empty, so DPCs queued while draining run too. A DPC routine that throws is reported as
    /// NDMA2002 and the drain goes on. After <see cref="DpcRunBudget"/> runs a DPC storm is reported (NDMA2003) and the
    /// DPCs still queued are dropped so the run can end. A nested call (from inside a DPC) does nothing.
    /// </summary>
    /// <returns>The number of DPC routines run.</returns>
    public int DrainDpcs()
    {
        if (_draining)
        {
            return 0;
        }

        _draining = true;
        var runs = 0;
        try
        {
            bool ranAny;
            do
            {
                ranAny = false;
                foreach (var processor in _processors)
                {
                    while (processor.DpcQueue.Count > 0)
                    {
                        if (runs >= DpcRunBudget)
                        {
                            ReportDpcStorm(runs);
                            return runs;
                        }

                        RunDpc(processor.DpcQueue.Dequeue(), processor.Number);
                        runs++;
                        ranAny = true;
                    }
                }
            }
            while (ranAny);
            return runs;
        }
        finally
        {
            _draining = false;
        }
    }

    private void RunDpc(KDpc dpc, uint cpu)
    {
        var state = _dpcs[dpc];
        state.Queued = false;
        DpcStarted?.Invoke(dpc, cpu);
        CallSystemRoutine(cpu, Irql.DISPATCH_LEVEL, DpcRoutineName, DpcPage, (Dpc: dpc, State: state),
            static call => call.State.Routine(call.Dpc, call.State.Context, call.State.SystemArgument1, call.State.SystemArgument2));
    }

    private void ReportDpcStorm(int runs)
    {
        var still = _processors.SelectMany(p => p.DpcQueue.Select(d => $"{_dpcs[d]} on cpu{p.Number}")).ToList();
        Log.Report(StatusRules.CallbackTerminates,
            $"DPC routines that stop re-queuing DPCs (at most {DpcRunBudget} DPC runs per drain)",
            $"{runs} DPC runs and still queued: {string.Join(", ", still)}; these DPCs were dropped", DpcPage);
        foreach (var processor in _processors)
        {
            while (processor.DpcQueue.TryDequeue(out var dpc))
            {
                _dpcs[dpc].Queued = false;
            }
        }
    }

    private void ReportUninitializedDpc(string routine, string page) =>
        Log.Report(IrqlRules.DpcInitializedBeforeUse, $"{routine} with a DPC initialized with KeInitializeDpc",
            $"{routine} with a KDPC never passed to KeInitializeDpc ({DescribeContext()})", page);

    private static string DescribeTarget(DpcState state) =>
        state.TargetProcessor is { } cpu ? $"cpu{cpu}" : "the processor that queues it";

    private uint QueuedOn(KDpc dpc) =>
        (uint)Array.FindIndex(_processors, p => p.DpcQueue.Contains(dpc));
}
