using NetDma.ConformanceKit.Catalog;
using NetDma.ConformanceKit.Diagnostics;
using NetDma.ConformanceKit.Memory;
using NetDma.ConformanceKit.Rules;
using NetDma.Contracts.Annotations;
using NetDma.Contracts.Kernel;

namespace NetDma.ConformanceKit.Kernel;

/// <summary>
/// The simulated Windows kernel, the Driver Verifier analogue: <see cref="ProcessorCount"/> processors, each with an
/// IRQL, spin locks and a DPC queue; pool; physical memory; devices with interrupts and hardware engines; the I/O
/// manager's StartIo queue; and the WDM DMA adapters (<see cref="IoGetDmaAdapter"/>). Every <see cref="IWdmKernel"/>
/// routine checks its caller's IRQL against the routine's contract attributes and its own rules, records a violation
/// in <see cref="Log"/> instead of crashing the caller, and goes on.
/// </summary>
/// <remarks>
/// Deterministic. In sequential mode (the default) code runs one call at a time; under schedule exploration
/// (<see cref="RunConcurrently"/>) processors interleave at the scheduling points of <see cref="Scheduler"/>. The "current processor" and its IRQL are state of
/// the simulation, set by <see cref="InvokeDriver{T}"/> for driver code the system calls (a stack: calls nest). Code
/// outside any <see cref="InvokeDriver{T}"/> runs as processor 0 at its IRQL (PASSIVE_LEVEL when idle). Hardware
/// engine steps (<see cref="RunHardware"/>) run with no processor at all: a kernel routine called from there is
/// reported (NDMA1001, "hardware context") and refused.
/// </remarks>
public sealed partial class SimulatedKernel : IWdmKernel
{
    /// <summary>The most processors a KAFFINITY mask can name (64).</summary>
    public const int MaximumProcessorCount = 64;

    private readonly ProcessorState[] _processors;

    // Each thread of the simulation has its own call stack: one in sequential mode, one per controlled operation (a
    // processor, the hardware) under schedule exploration, where interleaved calls must not pop each other's frames.
    // Every thread's stack stays readable, so the end of a schedule can say where each processor was.
    private readonly ThreadLocal<List<DriverFrame>> _threadFrames = new(static () => [], trackAllValues: true);

    /// <summary>Creates a kernel with <paramref name="processorCount"/> processors, all idle at PASSIVE_LEVEL.</summary>
    /// <param name="processorCount">Number of processors, 1..64; CPU numbers are 0 .. count-1.</param>
    /// <param name="log">Where violations are reported and calls traced.</param>
    public SimulatedKernel(int processorCount, ViolationLog log)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(processorCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(processorCount, MaximumProcessorCount);
        ArgumentNullException.ThrowIfNull(log);
        ProcessorCount = processorCount;
        Log = log;
        Memory = new PhysicalMemory(log);
        _processors = [.. Enumerable.Range(0, processorCount).Select(i => new ProcessorState((uint)i))];
        if (log.Trace.TracksProcessors)
        {
            // The per-CPU timeline shows the spin locks each processor holds at each of its rows.
            log.Trace.HeldLocks = cpu => (uint)cpu < (uint)_processors.Length ? _processors[cpu].HeldLockNames() : null;
        }
    }

    /// <summary>Number of processors; CPU numbers are 0 .. <see cref="ProcessorCount"/>-1.</summary>
    public int ProcessorCount { get; }

    /// <summary>Where every violation is reported; its <see cref="ViolationLog.Trace"/> records every call.</summary>
    public ViolationLog Log { get; }

    /// <summary>The machine's physical memory (buffers, pool blocks, common buffers).</summary>
    public PhysicalMemory Memory { get; }

    /// <summary>The CPU number the current driver code runs on (0 outside any driver call).</summary>
    public uint CurrentProcessor => Frames.Count > 0 ? Frames[^1].Cpu : _homeProcessor.Value;

    /// <summary>The current processor's IRQL.</summary>
    public Irql CurrentIrql => _processors[CurrentProcessor].Irql;

    /// <summary>True while a hardware engine step runs (no processor context).</summary>
    public bool InHardwareContext => Frames.Count > 0 && Frames[^1].Hardware;

    /// <summary>The innermost driver routine running (its role name), or null outside any driver call.</summary>
    public string? CurrentRoutine => Frames.Count > 0 ? Frames[^1].Routine : null;

    /// <summary>How deeply driver calls are nested right now (0 outside any).</summary>
    public int CallDepth => Frames.Count;

    /// <summary>The IRQL processor <paramref name="cpu"/> is at.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No such processor.</exception>
    public Irql GetProcessorIrql(uint cpu) => Processor(cpu).Irql;

    /// <summary>
    /// Runs driver code as the system calls it: on processor <paramref name="cpu"/> at <paramref name="irql"/>, as
    /// routine <paramref name="routine"/> (traced <c>cpu{n} {IRQL} system -&gt; {routine}</c>). When the body returns, the
    /// processor must be back at <paramref name="irql"/> with every spin lock taken inside released; otherwise a lock
    /// still held is reported as NDMA1006, an IRQL other than the entry IRQL once those locks are released as NDMA1005
    /// (citing <paramref name="page"/>), and the state repaired (locks released, IRQL restored) so the run goes on.
    /// Calls nest. An exception from the body propagates after the state is restored (without a report: the exception
    /// is the failure).
    /// </summary>
    /// <typeparam name="T">The routine's result type.</typeparam>
    /// <param name="cpu">CPU number the routine runs on.</param>
    /// <param name="irql">The IRQL the system calls it at.</param>
    /// <param name="routine">Role name for reports, e.g. <c>ProviderAllocateDmaChannel</c>.</param>
    /// <param name="page">The page of the routine's contract.</param>
    /// <param name="body">The driver code.</param>
    /// <param name="arguments">The call's arguments as the trace shows them (<c>ch0, mask=0x2</c>), or none.</param>
    /// <returns>What the body returned.</returns>
    /// <exception cref="ArgumentOutOfRangeException">No such processor.</exception>
    public T InvokeDriver<T>(uint cpu, Irql irql, string routine, string page, Func<T> body, TraceArguments arguments = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return InvokeDriver(cpu, irql, routine, page, body, static body => body(), arguments);
    }

    /// <summary>
    /// <see cref="InvokeDriver{T}(uint, Irql, string, string, Func{T}, TraceArguments)"/> with the body's state passed
    /// in: a static <paramref name="body"/> with its state as a value allocates no closure, which is how the data path
    /// (append, ISR, DPC, completion) calls driver code.
    /// </summary>
    /// <typeparam name="TState">What the body needs (a value tuple of the handler and its arguments).</typeparam>
    /// <typeparam name="T">The routine's result type.</typeparam>
    /// <param name="cpu">CPU number the routine runs on.</param>
    /// <param name="irql">The IRQL the system calls it at.</param>
    /// <param name="routine">Role name for reports, e.g. <c>ProviderAppendDma</c>.</param>
    /// <param name="page">The page of the routine's contract.</param>
    /// <param name="state">Handed to <paramref name="body"/>.</param>
    /// <param name="body">The driver code.</param>
    /// <param name="arguments">The call's arguments as the trace shows them, or none.</param>
    /// <returns>What the body returned.</returns>
    /// <exception cref="ArgumentOutOfRangeException">No such processor.</exception>
    public T InvokeDriver<TState, T>(uint cpu, Irql irql, string routine, string page, TState state, Func<TState, T> body, TraceArguments arguments = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return InvokeDriver(cpu, irql, routine, page, state, body, arguments, entryPoint: true);
    }

    /// <summary>
    /// <see cref="InvokeDriver{TState, T}(uint, Irql, string, string, TState, Func{TState, T}, TraceArguments)"/>, with
    /// the routine's entry scheduling point left out when <paramref name="entryPoint"/> is false: only for an ISR the
    /// kernel delivers straight after a scheduling point of the same processor, with nothing but the kernel's own
    /// bookkeeping in between (<see cref="Serve"/>).
    /// </summary>
    private T InvokeDriver<TState, T>(uint cpu, Irql irql, string routine, string page, TState state, Func<TState, T> body, TraceArguments arguments, bool entryPoint)
    {
        var processor = Processor(cpu);
        var previousIrql = processor.Irql;
        processor.Irql = irql;
        Log.Trace.EnterRoutine(arguments.IsNone
            ? new TraceEntry("{0} system -> {1}", TraceValue.Processor(cpu, irql), routine)
            : new TraceEntry("{0} system -> {1}({*})", TraceValue.Processor(cpu, irql), routine, Arguments: arguments));
        var frame = new DriverFrame(cpu, irql, routine, page, _lockSequence, Hardware: false);
        Frames.Add(frame);
        var returned = false;
        try
        {
            if (entryPoint)
            {
                SchedulingPoint();
            }

            var result = body(state);
            returned = true;
            return result;
        }
        finally
        {
            LeaveFrame(frame, processor, returned);
            processor.Irql = previousIrql;
            Log.Trace.LeaveRoutine(returned);
        }
    }

    /// <summary>
    /// <see cref="InvokeDriver{T}"/> for a routine with no result (DPCs, StartIo, ISR wrappers, PnP entry points).
    /// </summary>
    /// <param name="cpu">CPU number the routine runs on.</param>
    /// <param name="irql">The IRQL the system calls it at.</param>
    /// <param name="routine">Role name for reports.</param>
    /// <param name="page">The page of the routine's contract.</param>
    /// <param name="body">The driver code.</param>
    /// <param name="arguments">The call's arguments as the trace shows them, or none.</param>
    public void InvokeDriver(uint cpu, Irql irql, string routine, string page, Action body, TraceArguments arguments = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        InvokeDriver(cpu, irql, routine, page, body, static body =>
        {
            body();
            return true;
        }, arguments);
    }

    /// <summary>
    /// Checks that the current IRQL satisfies <paramref name="requirement"/> for a call of
    /// <paramref name="routine"/>; otherwise reports NDMA1001 (expected the requirement, actual the current IRQL
    /// and processor, or "hardware context" during an engine step) citing <paramref name="page"/>.
    /// </summary>
    /// <param name="routine">The DDI called, e.g. <c>NetDmaInterruptDpc</c>.</param>
    /// <param name="requirement">Its IRQL requirement (from its contract attributes).</param>
    /// <param name="page">Its reference page.</param>
    /// <returns>True when the call is allowed here.</returns>
    public bool CheckCallerIrql(string routine, IrqlRequirement requirement, string page)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        Log.Checked(IrqlRules.CallAtContractIrql);
        if (InHardwareContext)
        {
            Log.Report(IrqlRules.CallAtContractIrql, $"{routine} called by driver code at {requirement.Describe()}",
                $"{routine} called from hardware context (a simulated engine step, which has no processor or IRQL)", page);
            return false;
        }

        var irql = CurrentIrql;
        if (requirement.Allows(irql))
        {
            return true;
        }

        Log.Report(IrqlRules.CallAtContractIrql, $"{routine} called at {requirement.Describe()}",
            $"{routine} called at {irql.ToDdiName()} ({DescribeContext()})", page);
        return false;
    }

    /// <summary>Report form of where code runs now: <c>cpu1, in DPC (KDEFERRED_ROUTINE)</c>.</summary>
    internal string DescribeContext() => InHardwareContext
        ? "hardware context"
        : CurrentRoutine is { } routine ? $"cpu{CurrentProcessor}, in {routine}" : $"cpu{CurrentProcessor}, outside any driver routine";

    /// <summary>Trace prefix of a call made now: <c>cpu0 DISPATCH_LEVEL</c>, or <c>hardware</c>.</summary>
    internal string Where => WhereValue.ToString();

    /// <summary><see cref="Where"/> as a trace value, formatted only when the entry is quoted.</summary>
    internal TraceValue WhereValue => InHardwareContext ? TraceValue.Hardware : TraceValue.Processor(CurrentProcessor, CurrentIrql);

    /// <summary>
    /// Traces a call of <see cref="IWdmKernel"/> routine <paramref name="routine"/> and checks the caller's IRQL
    /// against its contract.
    /// </summary>
    /// <returns>False only in hardware context: the call is refused. An IRQL violation is reported and the call goes on.</returns>
    private bool Enter(string routine, TraceArguments arguments)
    {
        SchedulingPoint();
        var contract = KernelRoutineContract.Of(routine);
        Log.Trace.Record(new TraceEntry("{0} driver -> {1}({*})", WhereValue, routine, Arguments: arguments));
        return CheckCallerIrql(routine, contract.Irql, contract.Page) || !InHardwareContext;
    }

    /// <summary>The calling thread's call stack (one per thread of the simulation).</summary>
    private List<DriverFrame> Frames => _threadFrames.Value!;

    private ProcessorState Processor(uint cpu)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(cpu, (uint)ProcessorCount);
        return _processors[cpu];
    }

    private ProcessorState CurrentProcessorState => _processors[CurrentProcessor];

    private static bool HoldsLockTakenSince(ProcessorState processor, long sequence)
    {
        foreach (var hold in processor.HeldLocks)
        {
            if (hold.Sequence > sequence)
            {
                return true;
            }
        }

        return false;
    }

    private void LeaveFrame(DriverFrame frame, ProcessorState processor, bool returned)
    {
        if (returned)
        {
            // A routine that returned has been judged by every check made when a driver routine ends.
            Log.Checked(StatusRules.CallbackReturns);
            Log.Checked(StatusRules.CallbackTerminates);
            Log.Checked(IrqlRules.ReturnAtEntryIrql);
            Log.Checked(IrqlRules.SpinLockDiscipline);
        }

        // Usually the routine left things as it found them: nothing to report or repair, and no list built.
        if (processor.Irql != frame.EntryIrql || HoldsLockTakenSince(processor, frame.LockSequenceAtEntry))
        {
            RepairFrame(frame, processor, returned);
        }

        // Nested frames have already left (their finally blocks ran first), so this frame is the innermost.
        Frames.RemoveAt(Frames.Count - 1);
    }

    /// <summary>
    /// A routine left a spin lock held or an IRQL other than its entry IRQL: reported and repaired. Its own method, so
    /// that the closures below are made only here, not at every routine's return.
    /// </summary>
    private void RepairFrame(DriverFrame frame, ProcessorState processor, bool returned)
    {
        var leaked = processor.HeldLocks.Where(h => h.Sequence > frame.LockSequenceAtEntry).ToList();
        if (processor.Irql != frame.EntryIrql || leaked.Count > 0)
        {
            if (returned && leaked.Count > 0)
            {
                // A routine that returns holding a lock breaks the lock's pairing (NDMA1006) whatever its IRQL; a DPC
                // that does returns at DISPATCH_LEVEL, its entry IRQL, so only this check catches it.
                var held = string.Join(", ", leaked.Select(h => $"spin lock #{h.Number} (acquired in {h.Routine})"));
                Log.Report(IrqlRules.SpinLockDiscipline,
                    $"{frame.Routine} releases every spin lock it acquired with KeReleaseSpinLock before it returns",
                    $"{frame.Routine} returned on cpu{frame.Cpu} still holding {held}; the kernel released them", "managing-hardware-priorities.md");
            }

            // The IRQL the routine would be at had it released those locks: the one the first of them saved.
            var unlocked = leaked.Count > 0 ? leaked[0].SavedIrql : processor.Irql;
            if (returned && unlocked != frame.EntryIrql)
            {
                var at = leaked.Count > 0 ? $"{processor.Irql.ToDdiName()} ({unlocked.ToDdiName()} without its spin locks)" : processor.Irql.ToDdiName();
                Log.Report(IrqlRules.ReturnAtEntryIrql,
                    $"{frame.Routine} returns at its entry IRQL {frame.EntryIrql.ToDdiName()}",
                    $"{frame.Routine} returned on cpu{frame.Cpu} at {at}; the kernel restored {frame.EntryIrql.ToDdiName()}",
                    frame.Page);
            }

            foreach (var hold in Enumerable.Reverse(leaked))
            {
                ReleaseHold(processor, hold);
            }

            processor.Irql = frame.EntryIrql;
        }
    }
}
