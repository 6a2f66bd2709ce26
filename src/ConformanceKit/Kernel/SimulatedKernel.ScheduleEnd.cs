using NetDma.ConformanceKit.Concurrency;
using NetDma.ConformanceKit.Rules;
using NetDma.Contracts.Annotations;

namespace NetDma.ConformanceKit.Kernel;

/// <summary>
/// A schedule that Coyote ends before the script does: a deadlock (every controlled operation paused, none able to go
/// on, whether on the kit's own parked waits or on .NET locks of rewritten provider code) or the schedule's step bound
/// (a processor that never stops running: a livelock or an unbounded spin). Both are NDMA2003, reported while every
/// operation is still paused, naming each processor and the hardware with what it holds and what it waits for; Coyote
/// then interrupts the operations, and that interrupt is the schedule's end, not a crash of driver code.
/// </summary>
public sealed partial class SimulatedKernel
{
    // The processor (null: the hardware) each controlled operation of the schedule runs, by Coyote operation id.
    private readonly Dictionary<ulong, uint?> _operationRoles = [];

    // What the block's hardware lane is parked for, or null while it runs.
    private string? _hardwareParkedFor;

    /// <summary>
    /// True once Coyote ended the schedule (<see cref="CoyoteScheduleEnd"/>): the <see cref="ThreadInterruptedException"/>
    /// the operations then see ends the script (already reported), it is no exception of driver code.
    /// </summary>
    internal bool ScheduleEnded { get; private set; }

    /// <summary>True for an exception that ends the schedule (a halt or Coyote's end of it), not one driver code threw.</summary>
    internal bool EndsTheSchedule(Exception exception) =>
        exception is MachineHaltedException || (exception is ThreadInterruptedException && ScheduleEnded);

    /// <summary>Records which processor (null: the hardware) the calling controlled operation runs.</summary>
    private void RegisterOperation(uint? cpu)
    {
        if (ControlledScheduler.CurrentOperationId is { } id)
        {
            _operationRoles[id] = cpu;
        }
    }

    /// <summary>
    /// Parks the calling processor (or the hardware lane) until <paramref name="condition"/> holds, remembering what it
    /// waits for (<paramref name="waitingFor"/>) for a report of the schedule's end.
    /// </summary>
    private void Park(string waitingFor, Func<bool> condition)
    {
        if (InHardwareLane)
        {
            var outer = _hardwareParkedFor;
            _hardwareParkedFor = waitingFor;
            try
            {
                _scheduler.WaitUntil(condition);
            }
            finally
            {
                _hardwareParkedFor = outer;
            }

            return;
        }

        var processor = _processors[CurrentProcessor];
        var previous = processor.ParkedFor;
        processor.ParkedFor = waitingFor;
        try
        {
            _scheduler.WaitUntil(condition);
        }
        finally
        {
            processor.ParkedFor = previous;
        }
    }

    /// <summary>
    /// Coyote ends the schedule (<see cref="ControlledScheduler.ScheduleEnding"/>): on the thread of the operation that
    /// reached that point, with every other operation paused, so the machine's state is the one the end found.
    /// </summary>
    private void OnScheduleEnding(CoyoteScheduleEnd end)
    {
        var halted = _halted;
        _halted = true;
        ScheduleEnded = true;
        if (halted)
        {
            return; // a deadlock or crash already reported halted the machine; the rest is its unwinding
        }

        var machine = DescribeMachine(ControlledMonitors.Current(), end.Deadlock);
        if (end.Deadlock)
        {
            Log.Report(StatusRules.CallbackTerminates, "processors that wait only for what another processor goes on to release or signal",
                $"deadlock: {machine}; none of them can go on, so on Windows they wait forever (holds on this schedule)");
        }
        else
        {
            Log.Report(StatusRules.CallbackTerminates, $"every processor makes progress: a spin or retry loop ends within {end.Steps:N0} scheduling steps",
                $"a processor did not make progress within {end.Steps:N0} scheduling steps (a livelock or an unbounded spin): {machine}");
        }
    }

    /// <summary>
    /// Each processor that runs or waits, then the hardware lane: where it is, what it holds and what it waits for
    /// (<c>cpu0 at PASSIVE_LEVEL in ProviderAppendDma holds .NET lock #1 (System.Object) and waits for .NET lock #2
    /// (System.Object), held by cpu1</c>).
    /// </summary>
    private string DescribeMachine(IReadOnlyList<ControlledMonitor> monitors, bool deadlock)
    {
        var numbers = new Dictionary<object, int>(ReferenceEqualityComparer.Instance);
        string Name(ControlledMonitor monitor)
        {
            if (!numbers.TryGetValue(monitor.Lock, out var number))
            {
                numbers[monitor.Lock] = number = numbers.Count + 1;
            }

            return $".NET lock #{number} ({monitor.Lock.GetType().FullName})";
        }

        string Holder(ulong? operation) =>
            operation is { } id && _operationRoles.TryGetValue(id, out var role) ? RoleName(role) : "the script's own thread";
        bool Runs(ulong? operation, uint? role) => operation is { } id && _operationRoles.TryGetValue(id, out var its) && its == role;

        // Each role's innermost frame, from every thread's call stack (the others are paused, so they hold still).
        var innermost = new Dictionary<uint, DriverFrame>();
        DriverFrame? engineFrame = null;
        foreach (var frames in _threadFrames.Values)
        {
            if (frames.Count == 0)
            {
                continue;
            }

            var top = frames[^1];
            if (top.Hardware)
            {
                engineFrame = top;
            }
            else
            {
                innermost[top.Cpu] = top;
            }
        }

        var parts = new List<string>();
        var roles = _processors.Select(p => (uint?)p.Number).Append(null);
        foreach (var role in roles)
        {
            var processor = role is { } cpu ? _processors[cpu] : null;
            var active = role is { } number ? processor!.OperationRunning || innermost.ContainsKey(number) : _hardwareLaneActive || engineFrame is not null;
            if (!active)
            {
                continue; // its operation ended (or never started in this block): nothing to hold or wait for
            }

            var held = new List<string>();
            var wants = new List<string>();
            if (processor is not null)
            {
                held.AddRange(HeldSpinLocks(processor));
                if (processor.WantedLock is { } wanted)
                {
                    wants.Add(_lockOwners.TryGetValue(wanted.Lock, out var owner) ? $"spin lock #{wanted.Number}, held by cpu{owner}" : $"spin lock #{wanted.Number}");
                }
            }

            // Locks are numbered as the report first names them: processors in order, each one's held locks first.
            foreach (var monitor in monitors)
            {
                if (Runs(monitor.Owner, role))
                {
                    held.Add(Name(monitor));
                }
            }

            foreach (var monitor in monitors)
            {
                if (monitor.Entering.Any(o => Runs(o, role)))
                {
                    wants.Add($"{Name(monitor)}, held by {Holder(monitor.Owner)}");
                }

                if (monitor.Waiting.Any(o => Runs(o, role)))
                {
                    wants.Add($"a pulse of {Name(monitor)} (Monitor.Wait)");
                }
            }

            var parked = processor is not null ? processor.ParkedFor : _hardwareParkedFor;
            if (wants.Count == 0 && parked is not null)
            {
                wants.Add(parked);
            }

            string where;
            if (processor is not null)
            {
                where = $"cpu{processor.Number} at {processor.Irql.ToDdiName()}"
                    + (innermost.TryGetValue(processor.Number, out var frame) ? $" in {frame.Routine}" : string.Empty);
            }
            else
            {
                where = "the hardware" + (engineFrame is { } step ? $" in {step.Routine}" : string.Empty);
            }

            var doing = wants.Count > 0 ? $"waits for {string.Join(" and ", wants)}"
                : deadlock ? "waits in provider code for what Coyote paused it on (a task, a .NET event or semaphore)"
                : "runs";
            parts.Add($"{where} holds {(held.Count == 0 ? "nothing" : string.Join(", ", held))} and {doing}");
        }

        return string.Join("; ", parts);
    }

    private static string RoleName(uint? role) => role is { } cpu ? $"cpu{cpu}" : "the hardware";
}
