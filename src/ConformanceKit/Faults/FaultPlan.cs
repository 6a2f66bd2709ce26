using NetDma.ConformanceKit.Diagnostics;

namespace NetDma.ConformanceKit.Faults;

/// <summary>
/// Decides, at each injection point of the simulated kernel, whether to inject a fault, and records each one it
/// injects. Every decision is a pure function of (seed, point, counter): the point's calls are counted in call order,
/// so the same spec on the same call sequence injects the same faults at the same calls, in this process or a worker.
/// Each injection is traced (<c>  fault injected: ...</c>, so it appears in the call sequence of any later violation)
/// and handed to the execution's observer (<see cref="IExecutionObserver.FaultInjected"/>).
/// </summary>
/// <param name="spec">What to inject.</param>
/// <param name="log">Where the script's calls are traced and its current command is known.</param>
public sealed class FaultPlan(FaultSpec spec, ViolationLog log)
{
    private readonly Dictionary<FaultKind, long> _counted = [];
    private readonly Dictionary<FaultKind, int> _injections = [];
    private readonly List<InjectedFault> _injected = [];

    /// <summary>The spec this plan follows.</summary>
    public FaultSpec Spec { get; } = spec;

    /// <summary>Every fault injected so far, in order.</summary>
    public IReadOnlyList<InjectedFault> Injected => _injected;

    /// <summary>
    /// ExAllocatePool2: counts the call (when the clause's tag, if any, matches) and decides whether it returns NULL.
    /// </summary>
    /// <param name="tag">The call's pool tag as text.</param>
    /// <param name="point">The call as the trace shows it.</param>
    public bool FailPoolAllocation(string tag, string point)
    {
        if (Spec.Find(FaultKind.Pool) is not { } clause || (clause.Tag is { } only && only != tag))
        {
            return false;
        }

        return Decide(clause, point, "returned NULL");
    }

    /// <summary>IoConnectInterruptEx: counts the call and decides whether it fails with STATUS_INSUFFICIENT_RESOURCES.</summary>
    public bool FailConnectInterrupt(string point) =>
        Spec.Find(FaultKind.ConnectInterrupt) is { } clause && Decide(clause, point, "returned STATUS_INSUFFICIENT_RESOURCES");

    /// <summary>IoGetDmaAdapter: the map registers to grant instead of <paramref name="maximum"/> (recorded when fewer).</summary>
    public uint GrantMapRegisters(uint maximum, string point)
    {
        if (Spec.Find(FaultKind.MapRegisters) is not { Grant: { } grant } || grant >= maximum)
        {
            return maximum;
        }

        Record(FaultKind.MapRegisters, point, $"granted NumberOfMapRegisters = {grant} instead of {maximum}");
        return grant;
    }

    /// <summary>A device's bus read (descriptor fetch or source data): counts it and decides whether it fails.</summary>
    public bool FailDmaRead(string point) =>
        Spec.Find(FaultKind.DmaRead) is { } clause && Decide(clause, point, "failed (a master abort: no data read)");

    /// <summary>
    /// A device's bus access (read or write): counts it and decides whether the device leaves the bus now (surprise
    /// removal). A device leaves once: after the first injection the clause counts no more.
    /// </summary>
    public bool SurpriseRemoval(string point) =>
        Spec.Find(FaultKind.SurpriseRemoval) is { } clause && _injections.GetValueOrDefault(FaultKind.SurpriseRemoval) == 0
        && Decide(clause, point, "took the device off the bus (surprise removal: no DMA, no interrupt from now on)");

    /// <summary>A copy descriptor NetDMA is about to submit: counts it and decides whether it is submitted invalid (a SourceAddress no memory answers at).</summary>
    public bool PlantInvalidDescriptor(string point) =>
        Spec.Find(FaultKind.Descriptor) is { } clause && Decide(clause, point, "submitted with a SourceAddress no memory answers at (an invalid descriptor)");

    /// <summary>At the start of a <c>run</c>: how many spurious interrupts the device raises now (0 when none).</summary>
    public int SpuriousInterrupts(string point)
    {
        if (Spec.Find(FaultKind.Interrupt) is not { Spurious: { } count } clause || !Decide(clause, point, $"raised {count} interrupt(s) that signal no completion"))
        {
            return 0;
        }

        return count;
    }

    /// <summary>A uniform number in [0, 1) for the <paramref name="counter"/>th call at <paramref name="kind"/> under <paramref name="seed"/>.</summary>
    public static double Uniform(ulong seed, FaultKind kind, long counter)
    {
        // SplitMix64 over the three inputs: stable across processes and runtime versions (no string.GetHashCode).
        var x = seed ^ (0x9E3779B97F4A7C15UL * ((ulong)kind + 1)) ^ (0xBF58476D1CE4E5B9UL * (ulong)counter);
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        x ^= x >> 31;
        return (x >> 11) * (1.0 / (1UL << 53));
    }

    private bool Decide(FaultClause clause, string point, string effect)
    {
        var counter = _counted[clause.Kind] = _counted.GetValueOrDefault(clause.Kind) + 1;
        if (clause.Limit is { } limit && _injections.GetValueOrDefault(clause.Kind) >= limit)
        {
            return false;
        }

        var inject = clause.Every is { } every
            ? counter % every == 0
            : Uniform(Spec.Seed, clause.Kind, counter) < clause.Probability!.Value;
        if (inject)
        {
            _injections[clause.Kind] = _injections.GetValueOrDefault(clause.Kind) + 1;
            Record(clause.Kind, point, $"{effect} (call {counter} counted by {clause})");
        }

        return inject;
    }

    private void Record(FaultKind kind, string point, string effect)
    {
        var fault = new InjectedFault(kind, point, effect, log.CurrentCommand, log.Trace.Count);
        _injected.Add(fault);
        log.Trace.Record($"  fault injected: {FaultClause.NameOf(kind)}: {point} {effect}");
        log.Trace.Observer?.FaultInjected(fault);
    }
}
