using NetDma.ConformanceKit.Rules;
using NetDma.Contracts.Annotations;
using NetDma.Contracts.Kernel;
using NetDma.Contracts.Platform;

namespace NetDma.ConformanceKit.Kernel;

/// <summary>
/// Processors that really interleave (schedule exploration): <see cref="RunConcurrently"/> runs one controlled
/// operation per processor and one for the hardware, and the kit's services declare scheduling points where
/// <see cref="Scheduler"/> may switch between them. At each point on a processor an interrupt targeted at it preempts
/// whatever runs below DIRQL, and its queued DPCs run as soon as it is below DISPATCH_LEVEL
/// (managing-hardware-priorities.md). In sequential mode every point is free and nothing here changes a result.
/// </summary>
public sealed partial class SimulatedKernel
{
    // The processor a thread's code runs on when no driver frame says otherwise: a processor operation's own CPU.
    private readonly ThreadLocal<uint> _homeProcessor = new();
    private bool _halted;
    private long _progress;
    private int _busyProcessors;
    private bool _inConcurrentBlock;
    private bool _hardwareLaneActive;

    // The Coyote state name of each 4 KiB page touched under exploration (OnSharedMemoryAccess).
    private readonly Dictionary<ulong, string> _pageStates = [];

    // True on the thread of the block's hardware lane.
    private readonly ThreadLocal<bool> _hardwareLane = new();

    private bool InHardwareLane => _hardwareLane.Value;

    /// <summary>How processors share the machine; <see cref="SequentialScheduler"/> unless a schedule is explored.</summary>
    internal IProcessorScheduler Scheduler
    {
        get => _scheduler;
        set
        {
            _scheduler = value ?? throw new ArgumentNullException(nameof(value));
            Memory.SharedAccess = value.Interleaves ? OnSharedMemoryAccess : null;
            if (value is Concurrency.ControlledScheduler controlled)
            {
                controlled.BlockingObserved = OnProviderBlocking;
                controlled.ScheduleEnding = OnScheduleEnding;
            }
        }
    }

    private IProcessorScheduler _scheduler = SequentialScheduler.Instance;

    /// <summary>True when processors interleave (schedule exploration).</summary>
    internal bool Interleaves => _scheduler.Interleaves;

    /// <summary>
    /// Runs <paramref name="lanes"/> at the same time. Sequentially: in order, with the DPCs they queued run after
    /// each (the machine idles between them). Interleaved: one operation per processor runs its lanes in order and then
    /// serves its interrupts and DPCs until the whole machine is quiet; a hardware lane runs the engines meanwhile.
    /// </summary>
    /// <exception cref="MachineHaltedException">A deadlock halted the machine (it has been reported).</exception>
    internal void RunConcurrently(IReadOnlyList<ConcurrentLane> lanes)
    {
        if (!Interleaves)
        {
            foreach (var lane in lanes)
            {
                lane.Body();
                DrainDpcs();
            }

            return;
        }

        var processorLanes = lanes.Count(l => l.Cpu is not null);
        var hardwareLanes = lanes.Where(l => l.Cpu is null).ToList();
        var hardwareDone = hardwareLanes.Count == 0;
        var operations = new List<Action>();
        for (var cpu = 0u; cpu < (uint)ProcessorCount; cpu++)
        {
            var number = cpu;
            var mine = lanes.Where(l => l.Cpu == number).ToList();
            operations.Add(() => RunProcessor(number, mine, () => processorLanes == 0 && hardwareDone, () => processorLanes--));
        }

        if (hardwareLanes.Count > 0)
        {
            _hardwareLaneActive = true;
            operations.Add(() =>
            {
                _hardwareLane.Value = true;
                RegisterOperation(null);
                try
                {
                    foreach (var lane in hardwareLanes)
                    {
                        lane.Body();
                    }
                }
                finally
                {
                    hardwareDone = true;
                    _hardwareLaneActive = false;
                    _hardwareLane.Value = false;
                }
            });
        }

        _halted = false;
        _inConcurrentBlock = true;
        try
        {
            _scheduler.RunConcurrently(operations);
        }
        finally
        {
            _inConcurrentBlock = false;
            _hardwareLaneActive = false;
        }
    }

    /// <summary>A scheduling point of a kit service called by driver code: another processor may run here first.</summary>
    /// <exception cref="MachineHaltedException">The machine was halted while this processor waited.</exception>
    internal void SchedulingPoint()
    {
        if (!Interleaves)
        {
            return;
        }

        _scheduler.Interleave();
        AfterSchedulingPoint();
    }

    /// <summary>
    /// Rewritten provider code reached a blocking point Coyote controls (<paramref name="kind"/>: <c>Acquire</c> for a
    /// <c>lock</c>/Monitor taken, <c>Pause</c> for a wait on a held lock or a task, <c>Yield</c> for a sleep). At
    /// DISPATCH_LEVEL or above that is NDMA1002: managing-hardware-priorities.md says code at IRQL >= DISPATCH_LEVEL
    /// must not wait for a nonzero interval, and a DPC, an ISR or code holding a spin lock cannot be suspended.
    /// Called on the blocking thread inside Coyote's scheduler, so it only reads the kit's state and logs.
    /// </summary>
    private void OnProviderBlocking(string kind)
    {
        if (Frames.Count == 0 || InHardwareContext)
        {
            return; // the kit's own code or the engine, not a driver routine on a processor
        }

        var irql = CurrentIrql;
        Log.Checked(IrqlRules.NoBlockingWaitAtDispatch);
        if (irql >= Irql.DISPATCH_LEVEL)
        {
            var what = kind switch
            {
                "Acquire" => "took a .NET lock (lock/Monitor.Enter)",
                "Pause" => "waited for a .NET lock another processor holds, or for a task",
                _ => "slept (Thread.Sleep or a delay)",
            };
            Log.Trace.Record($"{Where} driver {what}");
            Log.Report(IrqlRules.NoBlockingWaitAtDispatch,
                "no .NET lock, sleep or task wait in driver code at DISPATCH_LEVEL or above (use a kernel spin lock)",
                $"{CurrentRoutine ?? "driver code"} {what} at {irql.ToDdiName()} ({DescribeContext()})", IrqlRules.NoBlockingWaitAtDispatch.Page);
        }
    }

    private void OnSharedMemoryAccess(PhysicalAddress address, bool write)
    {
        // One state per 4 KiB page: Coyote's read/write points let its strategies tell racing accesses apart. Each
        // page's name is made once per machine: this runs at every simulated memory access of every schedule.
        var number = address.QuadPart >> 12;
        if (!_pageStates.TryGetValue(number, out var page))
        {
            page = $"page 0x{number:X}";
            _pageStates.Add(number, page);
        }

        if (write)
        {
            _scheduler.Write(page);
        }
        else
        {
            _scheduler.Read(page);
        }

        AfterSchedulingPoint();
    }

    private void AfterSchedulingPoint()
    {
        if (_halted)
        {
            throw new MachineHaltedException("the machine halted: its processors deadlocked");
        }

        if (!InHardwareContext)
        {
            Serve(CurrentProcessorState, rightAfterPoint: true);
        }
    }

    /// <summary>
    /// What a processor does at a scheduling point and when idle: an interrupt targeted at it runs its ISR if it is
    /// below DIRQL, then its queued DPCs run if it is below DISPATCH_LEVEL.
    /// </summary>
    /// <param name="processor">The processor whose operation runs this.</param>
    /// <param name="rightAfterPoint">
    /// True when this operation's last scheduling point (or the step that resumed it from a park) came just before, with
    /// only the kernel's own bookkeeping since: then the first ISR delivered here has no entry point of its own.
    /// </param>
    /// <remarks>
    /// Why the first ISR's entry point is redundant (docs/concurrency.md, "Scheduling points removed as redundant"):
    /// between the point just passed and the ISR's first instruction this processor only takes the interrupt off the
    /// pending queue (only an interrupt targeted at it: no other processor can take that one, and the hardware only
    /// adds behind it), looks up the device's granted messages and connected ISR, and raises its own IRQL to DIRQL
    /// (which no other processor reads). Every other operation's action commutes with that, so whatever another
    /// operation could do at the entry point it can do at the point just passed, with the same outcome; the one
    /// exception, another processor disconnecting the ISR or stopping the device in between, would let an ISR start
    /// after IoDisconnectInterruptEx returned, which Windows does not do. A second ISR in the same loop follows the
    /// first one's driver code and keeps its point.
    /// </remarks>
    private void Serve(ProcessorState processor, bool rightAfterPoint = false)
    {
        var entryPoint = !rightAfterPoint;
        while (processor.Irql < InterruptIrql && TakeInterruptFor(processor.Number) is { } pending)
        {
            Deliver(pending.Bus, pending.MessageId, entryPoint);
            entryPoint = true;
        }

        if (processor.Irql < Irql.DISPATCH_LEVEL)
        {
            var runs = 0;
            while (processor.DpcQueue.TryDequeue(out var dpc))
            {
                if (++runs > DpcRunBudget)
                {
                    ReportDpcStorm(runs);
                    return;
                }

                RunDpc(dpc, processor.Number);
            }
        }
    }

    private void RunProcessor(uint cpu, List<ConcurrentLane> lanes, Func<bool> othersDone, Action laneDone)
    {
        _homeProcessor.Value = cpu;
        var processor = _processors[cpu];
        RegisterOperation(cpu);
        processor.OperationRunning = true;
        try
        {
            ServeLanes(processor, lanes, othersDone, laneDone);
        }
        finally
        {
            processor.OperationRunning = false;
        }
    }

    private void ServeLanes(ProcessorState processor, List<ConcurrentLane> lanes, Func<bool> othersDone, Action laneDone)
    {
        foreach (var lane in lanes)
        {
            try
            {
                DoProcessorWork(() =>
                {
                    lane.Body();
                    Serve(processor);
                });
            }
            finally
            {
                laneDone();
            }
        }

        bool Finished() => othersDone() && Quiescent();
        // True right after the park below returned: the step that resumed this processor is its last scheduling point.
        var resumed = false;
        while (true)
        {
            if (_halted)
            {
                return;
            }

            if (HasWork(processor))
            {
                // Straight after that step only reads of the kit's state and the busy count come (which cannot make
                // the machine look quiet while an interrupt for this processor is pending), so the first ISR needs no
                // entry point of its own (Serve). After a round of work, driver code ran since the last point: it keeps it.
                var afterPoint = resumed;
                DoProcessorWork(() => Serve(processor, rightAfterPoint: afterPoint));
                resumed = false;
                continue;
            }

            if (Finished())
            {
                return;
            }

            // Parks for certain: nothing changed since HasWork and Finished were false.
            Park("an interrupt or a DPC to run (idle)", () => _halted || HasWork(processor) || Finished());
            resumed = true;
        }
    }

    /// <summary>
    /// One unit of a processor's work (a lane, or serving its interrupts and DPCs): counted busy meanwhile, so no
    /// other operation takes the machine for quiet, and counted as progress after, which wakes idle hardware.
    /// </summary>
    private void DoProcessorWork(Action work)
    {
        _busyProcessors++;
        try
        {
            work();
        }
        catch
        {
            // Driver code that throws is a bug check: no processor goes on (the script reports the exception).
            _halted = true;
            throw;
        }
        finally
        {
            _busyProcessors--;
            _progress++;
        }
    }

    // Quiescent and HasWork are the conditions of parked processors and idle hardware (WaitUntil), which Coyote
    // evaluates for every parked operation at every scheduling step: plain loops, no allocation.

    /// <summary>No processor is running work and no interrupt or DPC waits anywhere.</summary>
    private bool Quiescent()
    {
        if (_busyProcessors != 0 || _pendingInterrupts.Count != 0)
        {
            return false;
        }

        foreach (var processor in _processors)
        {
            if (processor.DpcQueue.Count != 0)
            {
                return false;
            }
        }

        return true;
    }

    private bool HasWork(ProcessorState processor)
    {
        if (processor.Irql < Irql.DISPATCH_LEVEL && processor.DpcQueue.Count > 0)
        {
            return true;
        }

        if (processor.Irql >= InterruptIrql)
        {
            return false;
        }

        foreach (var (bus, messageId) in _pendingInterrupts)
        {
            if ((InterruptTarget(bus, messageId) ?? processor.Number) == processor.Number)
            {
                return true;
            }
        }

        return false;
    }

    private (DeviceBus Bus, uint MessageId)? TakeInterruptFor(uint cpu)
    {
        var count = _pendingInterrupts.Count;
        for (var i = 0; i < count; i++)
        {
            var pending = _pendingInterrupts.Dequeue();
            if ((InterruptTarget(pending.Bus, pending.MessageId) ?? cpu) == cpu)
            {
                // Keep the others in their order: rotate the rest of the queue back behind this one.
                for (var j = i + 1; j < count; j++)
                {
                    _pendingInterrupts.Enqueue(_pendingInterrupts.Dequeue());
                }

                return pending;
            }

            _pendingInterrupts.Enqueue(pending);
        }

        return null;
    }

    /// <summary>The CPU a granted message targets; null when it is not granted (any processor may judge it).</summary>
    private uint? InterruptTarget(DeviceBus bus, uint messageId)
    {
        if (_resources.TryGetValue(bus.Device, out var resources))
        {
            var messages = resources.Interrupts;
            for (var i = 0; i < messages.Count; i++)
            {
                if (messages[i].MessageId == messageId)
                {
                    return messages[i].TargetProcessor;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Parks the current processor until spin lock <paramref name="spinLock"/>, held by <paramref name="owner"/>, is
    /// free. A wait that closes a cycle (each processor waiting for a lock the next one holds) can never end: it is
    /// reported under NDMA2003 with every processor's held and wanted locks, and the machine halts.
    /// </summary>
    private void WaitForSpinLock(ProcessorState processor, KSpinLock spinLock, int number, uint owner)
    {
        processor.WantedLock = (spinLock, number);
        try
        {
            if (WaitCycle(processor.Number) is { } cycle)
            {
                Log.Report(StatusRules.CallbackTerminates, "spin locks acquired in an order that lets every waiting processor go on",
                    $"deadlock: {cycle}; on Windows these processors spin forever (holds on this schedule)",
                    KernelRoutineContract.Of(nameof(KeAcquireSpinLock)).Page);
                _halted = true;
                throw new MachineHaltedException($"spin-lock deadlock: {cycle}");
            }

            _scheduler.WaitUntil(() => _halted || !_lockOwners.ContainsKey(spinLock));
            if (_halted)
            {
                throw new MachineHaltedException("the machine halted: its processors deadlocked");
            }
        }
        finally
        {
            processor.WantedLock = null;
        }
    }

    /// <summary>The spin locks <paramref name="processor"/> holds, as reports name them: <c>spin lock #2 (acquired in ProviderAppendDma)</c>.</summary>
    private static IEnumerable<string> HeldSpinLocks(ProcessorState processor) =>
        processor.HeldLocks.Select(h => $"spin lock #{h.Number} (acquired in {h.Routine})");

    /// <summary>The wait-for cycle through <paramref name="start"/>, described, or null when there is none.</summary>
    private string? WaitCycle(uint start)
    {
        var path = new List<string>();
        var cpu = start;
        for (var hops = 0; hops <= ProcessorCount; hops++)
        {
            var processor = _processors[cpu];
            if (processor.WantedLock is not { } wanted || !_lockOwners.TryGetValue(wanted.Lock, out var owner))
            {
                return null;
            }

            var held = processor.HeldLocks.Count == 0 ? "nothing" : string.Join(", ", HeldSpinLocks(processor));
            path.Add($"cpu{cpu} at {processor.Irql.ToDdiName()} holds {held} and wants spin lock #{wanted.Number}, held by cpu{owner}");
            if (owner == start)
            {
                return string.Join("; ", path);
            }

            cpu = owner;
        }

        return null;
    }
}
