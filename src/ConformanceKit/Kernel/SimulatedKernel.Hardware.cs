using NetDma.ConformanceKit.Diagnostics;
using NetDma.ConformanceKit.Rules;
using NetDma.Contracts.Annotations;
using NetDma.Contracts.Platform;

namespace NetDma.ConformanceKit.Kernel;

/// <summary>The hardware clock: engines attached through <see cref="DeviceBus.AttachEngine"/> and <see cref="RunHardware"/>.</summary>
public sealed partial class SimulatedKernel
{
    private readonly List<(DeviceBus Bus, ISimulatedEngine Engine)> _engines = [];

    // The engines a sequential round steps, copied once per attach rather than once per round: an engine attached
    // during a step joins the next round, as with a copy per round.
    private (DeviceBus Bus, ISimulatedEngine Engine)[] _engineRound = [];

    /// <summary>Number of engines on the hardware clock.</summary>
    public int EngineCount => _engines.Count;

    /// <summary>
    /// Lets hardware run: steps each attached engine once, in attach order, round after round; after every step it
    /// delivers the interrupts requested (<see cref="DeliverInterrupts"/>) and runs the DPCs queued
    /// (<see cref="DrainDpcs"/>). Pending interrupts and DPCs are handled once before the first step. Stops when a
    /// full round did no work (no engine step returned true, no interrupt was delivered, no DPC ran), or after
    /// <paramref name="maxSteps"/> engine steps. Engine steps run with no processor context: a kernel routine called
    /// from one is reported (NDMA1001, "hardware context") and refused; an engine that throws is reported (NDMA2002)
    /// and its step counts as idle.
    /// </summary>
    /// <param name="maxSteps">Most engine steps to take (idle steps included).</param>
    /// <returns>Steps taken and whether the hardware went idle.</returns>
    public HardwareRun RunHardware(int maxSteps) => RunHardwareUntil(static () => false, maxSteps);

    /// <summary>
    /// As <see cref="RunHardware"/>, and also stops, reporting <see cref="HardwareRun.Idle"/> true, as soon as
    /// <paramref name="done"/> holds after a step: NetDMA waiting for one channel's outstanding DMA lets the hardware
    /// run only until that channel has none (nc-netdma-dma_channel_free_handler.md), not until every channel is idle.
    /// </summary>
    /// <param name="done">Checked before the first step and after every step.</param>
    /// <param name="maxSteps">Most engine steps to take (idle steps included).</param>
    internal HardwareRun RunHardwareUntil(Func<bool> done, int maxSteps)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxSteps);
        if (Interleaves)
        {
            return RunHardwareWithProcessors(done, maxSteps);
        }

        var steps = 0;
        var interrupts = DeliverInterrupts();
        var dpcs = DrainDpcs();
        while (true)
        {
            var worked = false;
            foreach (var (bus, engine) in _engineRound)
            {
                if (done())
                {
                    return new HardwareRun(steps, Idle: true) { InterruptsDelivered = interrupts, DpcsRun = dpcs };
                }

                if (steps >= maxSteps)
                {
                    return new HardwareRun(steps, Idle: false) { InterruptsDelivered = interrupts, DpcsRun = dpcs };
                }

                worked |= Step(bus, engine);
                steps++;
                var delivered = DeliverInterrupts();
                var ran = DrainDpcs();
                interrupts += delivered;
                dpcs += ran;
                worked |= delivered > 0 || ran > 0;
            }

            if (!worked)
            {
                return new HardwareRun(steps, Idle: true) { InterruptsDelivered = interrupts, DpcsRun = dpcs };
            }
        }
    }

    /// <summary>
    /// Interleaved hardware progress needs processors to take its interrupts and DPCs: outside a concurrent block the
    /// run becomes one (the hardware as its only lane); inside one, a run while the block's hardware lane is active waits
    /// for that lane to make <paramref name="done"/> true or finish (one engine is never stepped by two operations).
    /// </summary>
    private HardwareRun RunHardwareWithProcessors(Func<bool> done, int maxSteps)
    {
        if (!_inConcurrentBlock)
        {
            HardwareRun? result = null;
            RunConcurrently([new ConcurrentLane(null, () => result = RunHardwareWithProcessors(done, maxSteps))]);
            return result!.Value;
        }

        if (_hardwareLaneActive && !InHardwareLane)
        {
            // The waiting processor may just have given the engines work (NetDMA resumes a channel it suspended before
            // it waits for its outstanding DMA) while its own work is unfinished: count that as progress, or idle
            // hardware waiting for progress and this processor waiting for the hardware block each other.
            // Done only between engine steps: the step that completes a descriptor's data goes on to write its
            // completion status and raise its interrupt, which are part of that DMA operation, so NetDMA waiting for
            // no outstanding DMA (a free) must not go ahead in the middle of it.
            // It also ends when the hardware is stalled while only processors waiting for it are busy: the engines found no work
            // since this processor's last progress and nothing else can give them any, so what is still outstanding
            // never completes (NDMA3030, as in sequential mode). Without this the idle hardware waited for progress
            // while this processor waited for the hardware (issue 8).
            _progress++;
            _hardwareWaiters++;
            try
            {
                Park("the hardware to finish the DMA it waits for", () => _halted || (done() && !HardwareStepInProgress) || !_hardwareLaneActive || HardwareStalled());
            }
            finally
            {
                _hardwareWaiters--;
            }

            return new HardwareRun(0, Idle: (done() && !HardwareStepInProgress) || Quiescent() || HardwareStalled());
        }

        return RunHardwareInterleaved(done, maxSteps);
    }

    /// <summary>
    /// The hardware's own controlled operation: one engine step at a time with a scheduling point before each, while
    /// the processors' operations take the interrupts and run the DPCs. Idle engines wait until some processor has
    /// finished a unit of work (which may have given them descriptors) and stop once the whole machine is quiet.
    /// </summary>
    private HardwareRun RunHardwareInterleaved(Func<bool> done, int maxSteps)
    {
        // A processor that runs the hardware for its own wait (NetDMA's wait for outstanding DMA after the block's
        // hardware lane ended) is busy meanwhile: the machine can only be quiet besides it, or it waits for itself.
        uint? waiter = InHardwareLane ? null : CurrentProcessor;
        var steps = 0;
        while (true)
        {
            // Progress is counted from the start of the round, not its end: a rewritten engine's step has scheduling
            // points of its own, so a processor can finish its work (give the engines a descriptor, resume a channel)
            // during an idle step. Counted from the end, that progress was lost and the idle hardware waited for more
            // that never came, while the processor waited for the hardware: a deadlock of the kit's own (issue 8).
            var progress = _progress;
            var worked = false;
            // The round's snapshot (AttachEngine replaces it, never changes it), as the sequential clock uses: no copy per round.
            foreach (var (bus, engine) in _engineRound)
            {
                if (done())
                {
                    return new HardwareRun(steps, Idle: true);
                }

                if (steps >= maxSteps)
                {
                    return new HardwareRun(steps, Idle: false);
                }

                _scheduler.Interleave();
                if (_halted)
                {
                    return new HardwareRun(steps, Idle: false);
                }

                worked |= Step(bus, engine);
                steps++;
            }

            if (!worked)
            {
                if (Quiescent() || QuiescentBesides(waiter))
                {
                    return new HardwareRun(steps, Idle: true);
                }

                _hardwareIdleSince = progress;
                try
                {
                    Park("a processor to give its idle engines work", () => _halted || _progress != progress || Quiescent() || QuiescentBesides(waiter));
                }
                finally
                {
                    _hardwareIdleSince = null;
                }

                if (_halted)
                {
                    return new HardwareRun(steps, Idle: false);
                }
            }
        }
    }

    // The processor progress the idle hardware lane waits to change, while it waits: a whole round of engine steps
    // found no work since that progress (counted from the start of the round).
    private long? _hardwareIdleSince;

    // Processors parked in RunHardwareWithProcessors until the hardware lane makes their condition true.
    private int _hardwareWaiters;

    /// <summary>
    /// True when the idle hardware lane has seen every processor's progress and found no work, and the only processors
    /// busy are those waiting for the hardware, with no interrupt or DPC pending anywhere: nothing can give the
    /// engines work any more. A condition of parked operations: plain loops, no allocation.
    /// </summary>
    private bool HardwareStalled()
    {
        if (_hardwareIdleSince != _progress || _busyProcessors != _hardwareWaiters || _pendingInterrupts.Count != 0)
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

    /// <summary>
    /// True when <paramref name="waiter"/> (a processor running the hardware for its own wait) is the only busy
    /// processor and no other processor has an interrupt or DPC to take: nothing else can give the engines work.
    /// False when there is no such processor.
    /// </summary>
    private bool QuiescentBesides(uint? waiter)
    {
        if (waiter is not { } me || _busyProcessors != 1)
        {
            return false;
        }

        foreach (var processor in _processors)
        {
            if (processor.Number != me && HasWork(processor))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// True while an engine step runs. Under schedule exploration driver code can run in the middle of one, and what
    /// the bus already shows of that step (data written) may not yet be in the engine's own registers.
    /// </summary>
    internal bool HardwareStepInProgress { get; private set; }

    internal void AttachEngine(DeviceBus bus, ISimulatedEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        if (_engines.Any(e => ReferenceEquals(e.Engine, engine)))
        {
            throw new InvalidOperationException($"This engine of {bus.Device} is already attached.");
        }

        _engines.Add((bus, engine));
        _engineRound = [.. _engines];
    }

    private bool Step(DeviceBus bus, ISimulatedEngine engine)
    {
        Frames.Add(new DriverFrame(0, Irql.PASSIVE_LEVEL, bus.EngineRoutine, "ISimulatedEngine.Step", _lockSequence, Hardware: true));
        Log.Trace.EnterRoutine(new TraceEntry("hardware -> {0} (ISimulatedEngine.Step)", bus.EngineRoutine), traced: false);
        var returned = false;
        HardwareStepInProgress = true;
        try
        {
            var busy = engine.Step();
            returned = true;
            return busy;
        }
        catch (Exception exception) when (!EndsTheSchedule(exception))
        {
            Log.Report(StatusRules.CallbackReturns, $"the engine of {bus.Device} returns from ISimulatedEngine.Step",
                $"the engine of {bus.Device} threw {exception.GetType().Name}: {exception.Message}; the step counted as idle");
            return false;
        }
        finally
        {
            HardwareStepInProgress = false;
            Frames.RemoveAt(Frames.Count - 1);
            Log.Trace.LeaveRoutine(returned);
        }
    }
}
