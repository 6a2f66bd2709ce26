using NetDma.Contracts.Platform;

namespace NetDma.ConformanceKit.Host;

/// <summary>
/// The engine-progress observation of one channel: every descriptor NetDMA submitted on it and what the engine did
/// with it (<see cref="DescriptorProgress"/>), the current chain in chain order (from the latest ProviderStartDma,
/// with its appends and a relink during a suspend), the last descriptor the engine completed, and the error it
/// stopped on. The host builds it from what the simulated bus shows (descriptor fetches, data reads and writes,
/// completion-status writes) and checks the provider's reports against it (NDMA3022, NDMA3023, NDMA5007 to NDMA5013).
/// </summary>
public sealed class EngineProgress
{
    private readonly Dictionary<PhysicalAddress, DescriptorProgress> _descriptors = [];
    private readonly List<DescriptorProgress> _chain = [];

    // Records of an earlier channel (Recycle), reused by the next submissions.
    private readonly Stack<DescriptorProgress> _spare = new();

    // The descriptors waiting for the next step of the interrupt protocol, and those fetched that may still be moving
    // data: an ISR, a DPC, the end of a run and each data access touch only these, not every descriptor ever submitted
    // on the channel, which would make a long-lived channel's traffic quadratic in its length.
    private readonly List<DescriptorProgress> _awaitingIsr = [];
    private readonly List<DescriptorProgress> _awaitingDpc = [];
    private readonly List<DescriptorProgress> _awaitingJudgment = [];
    private readonly List<DescriptorProgress> _fetched = [];
    private int _nextOrder;

    /// <summary>Every descriptor ever submitted on the channel, by physical address.</summary>
    public IReadOnlyDictionary<PhysicalAddress, DescriptorProgress> Descriptors => _descriptors;

    /// <summary>The current chain in chain order: what the engine still owes since the latest start.</summary>
    public IReadOnlyList<DescriptorProgress> Chain => _chain;

    /// <summary>The descriptor the engine completed most recently, or null before the first.</summary>
    public DescriptorProgress? LastCompleted { get; private set; }

    /// <summary>The descriptor the engine fetched most recently (a first fetch, not a reread), or null.</summary>
    public DescriptorProgress? LastFetched { get; private set; }

    /// <summary>True once a descriptor of the current chain completed (NetDmaTransferStatusArmed is over).</summary>
    public bool CompletedSinceStart { get; private set; }

    /// <summary>The descriptor the engine stopped on with an error since the latest start, or null.</summary>
    public DescriptorProgress? ErrorOn { get; private set; }

    /// <summary>Why <see cref="ErrorOn"/> is an error, in report words.</summary>
    public string? Error { get; private set; }

    /// <summary>True when the engine stopped on an error since the latest start.</summary>
    public bool Faulted => Error is not null;

    /// <summary>
    /// After a successful ProviderResumeDma: the descriptor the engine processed last, which it must fetch again
    /// before any other (nc-netdma-dma_resume_handler.md); null when nothing is expected.
    /// </summary>
    public PhysicalAddress? RereadExpected { get; internal set; }

    /// <summary>Rules already reported for this channel about no descriptor in particular (one report per channel).</summary>
    internal HashSet<string> UnattributedReports { get; } = [];

    /// <summary>The progress record of the descriptor at <paramref name="address"/>, or null when NetDMA never submitted it here.</summary>
    public DescriptorProgress? Find(PhysicalAddress address) => _descriptors.GetValueOrDefault(address);

    /// <summary><see cref="Descriptors"/>' values with the dictionary's own enumerator (no boxed one per call).</summary>
    internal Dictionary<PhysicalAddress, DescriptorProgress>.ValueCollection DescriptorValues => _descriptors.Values;

    /// <summary>
    /// The first descriptor in submission order that is in flight (<see cref="DescriptorProgress.InFlight"/>) and whose
    /// destination (for a write) or source (for a read) overlaps [<paramref name="start"/>, <paramref name="end"/>), or
    /// null. Plain loops over the fetched descriptors only: this runs on every data access of the engine.
    /// </summary>
    internal DescriptorProgress? InFlightTouching(ulong start, ulong end, bool write)
    {
        DescriptorProgress? first = null;
        for (var i = _fetched.Count - 1; i >= 0; i--)
        {
            var descriptor = _fetched[i];
            if (!descriptor.InFlight)
            {
                _fetched.RemoveAt(i); // Completed or abandoned: it never comes back in flight.
                continue;
            }

            if (first is not null && first.Order < descriptor.Order)
            {
                continue;
            }

            var ranges = write ? descriptor.DestinationRanges : descriptor.SourceRanges;
            for (var r = 0; r < ranges.Count; r++)
            {
                if (ranges[r].Overlaps(start, end))
                {
                    first = descriptor;
                    break;
                }
            }
        }

        return first;
    }

    /// <summary>ProviderStartDma: the previous chain is dropped and <paramref name="chain"/> is the current one.</summary>
    internal void Start(SubmittedChain chain, IReadOnlyList<DescriptorSpec> specs)
    {
        Drop();
        CompletedSinceStart = false;
        (ErrorOn, Error) = (null, null);
        Add(chain, specs);
    }

    /// <summary>ProviderAppendDma: <paramref name="chain"/> follows the current chain.</summary>
    internal void Append(SubmittedChain chain, IReadOnlyList<DescriptorSpec> specs) => Add(chain, specs);

    /// <summary>A relink during a suspend: what followed <paramref name="lastProcessed"/> is replaced by <paramref name="chain"/>.</summary>
    internal void Relink(PhysicalAddress lastProcessed, SubmittedChain chain, IReadOnlyList<DescriptorSpec> specs)
    {
        var at = _chain.FindIndex(d => d.Address == lastProcessed);
        foreach (var dropped in _chain.Skip(at + 1))
        {
            dropped.Abandoned = !dropped.Completed;
        }

        _chain.RemoveRange(at + 1, _chain.Count - at - 1);
        Add(chain, specs);
    }

    /// <summary>The descriptors of the current chain after <paramref name="descriptor"/> that are not yet completed.</summary>
    public int RemainingAfter(DescriptorProgress descriptor)
    {
        // Loops, not LINQ: this runs at every completion status the engine writes.
        var at = _chain.IndexOf(descriptor);
        var remaining = 0;
        for (var i = at < 0 ? _chain.Count : at + 1; i < _chain.Count; i++)
        {
            remaining += _chain[i].Completed ? 0 : 1;
        }

        return remaining;
    }

    /// <summary>
    /// The descriptors after <paramref name="descriptor"/> in the current chain, not completed, that the provider had
    /// before the engine completed <paramref name="descriptor"/>: under schedule exploration an append still running
    /// (or returned only later) races the engine's decision to go idle, and either answer is then faithful.
    /// </summary>
    public int RemainingLinkedBefore(DescriptorProgress descriptor)
    {
        var at = _chain.IndexOf(descriptor);
        var remaining = 0;
        for (var i = at < 0 ? _chain.Count : at + 1; i < _chain.Count; i++)
        {
            remaining += _chain[i] is { Completed: false, LinkedAtCompletions: { } linked } && linked < descriptor.CompletionNumber ? 1 : 0;
        }

        return remaining;
    }

    /// <summary>Marks the descriptors of <paramref name="chain"/> as the provider's from now on (<see cref="DescriptorProgress.LinkedAtCompletions"/>).</summary>
    internal void Linked(SubmittedChain chain)
    {
        for (var i = 0; i < chain.Count; i++)
        {
            if (Find(chain.Descriptor(i)) is { } progress)
            {
                progress.LinkedAtCompletions ??= Completions;
            }
        }
    }

    /// <summary>The descriptor before <paramref name="descriptor"/> in the current chain, or null.</summary>
    public DescriptorProgress? Predecessor(DescriptorProgress descriptor)
    {
        var at = _chain.IndexOf(descriptor);
        return at > 0 ? _chain[at - 1] : null;
    }

    /// <summary>ProviderAbortDma or ProviderResetChannel succeeded: nothing remains (an error stays known until the next start).</summary>
    internal void Discard()
    {
        Drop();
        RereadExpected = null;
    }

    /// <summary>
    /// A fetch of <paramref name="descriptor"/> the bus failed (a <c>dma-read</c> fault): the engine was processing it
    /// when it stopped, so it is the one an interrupt for the error may name (NDMA3022).
    /// </summary>
    internal void MarkFetchFailed(DescriptorProgress descriptor) => LastFetched = descriptor;

    internal void MarkFetched(DescriptorProgress descriptor)
    {
        if (descriptor.Fetched)
        {
            return;
        }

        descriptor.Fetched = true;
        LastFetched = descriptor;
        if (!descriptor.MovesData)
        {
            MarkCompleted(descriptor);
        }
        else
        {
            _fetched.Add(descriptor);
        }
    }

    /// <summary>How many descriptor completions the engine made on the channel so far.</summary>
    public long Completions { get; private set; }

    internal void MarkCompleted(DescriptorProgress descriptor)
    {
        if (!descriptor.Completed && descriptor.InterruptRequested)
        {
            _awaitingIsr.Add(descriptor);
            _awaitingJudgment.Add(descriptor);
        }

        descriptor.Completed = true;
        descriptor.CompletionNumber = ++Completions;
        LastCompleted = descriptor;
        CompletedSinceStart |= _chain.Contains(descriptor);
    }

    /// <summary>
    /// NetDmaIsr for the channel: it stands for every completed NET_DMA_INTERRUPT_ON_COMPLETION descriptor not yet
    /// signalled. One interrupt may cover several ("when the ISR is called, the current DMA descriptor might already
    /// be different from the descriptor that triggered the interrupt", nf-netdma-netdmaisr.md).
    /// </summary>
    internal void MarkIsr()
    {
        foreach (var descriptor in _awaitingIsr)
        {
            descriptor.IsrCalled = true;
            _awaitingDpc.Add(descriptor);
        }

        _awaitingIsr.Clear();
    }

    /// <summary>
    /// The highest completion number a NetDmaInterruptDpc for the channel has reported so far: that of the descriptor
    /// it named, or every completion so far when it passed NULL (an error). A completion above it has not been reported.
    /// </summary>
    internal long ReportedThrough { get; private set; }

    /// <summary>
    /// NetDmaInterruptDpc for the channel naming <paramref name="reported"/> (null: NULL): it follows the NetDmaIsr of
    /// every descriptor already signalled, and reports the completions up to the one it names.
    /// </summary>
    internal void MarkInterruptDpc(PhysicalAddress? reported)
    {
        foreach (var descriptor in _awaitingDpc)
        {
            descriptor.DpcCalled = true;
        }

        _awaitingDpc.Clear();
        var through = reported is { } address ? Find(address) is { Completed: true } named ? named.CompletionNumber : 0 : Completions;
        ReportedThrough = Math.Max(ReportedThrough, through);
    }

    /// <summary>
    /// The completed NET_DMA_INTERRUPT_ON_COMPLETION descriptors not judged yet, in submission order, now marked
    /// judged: each is judged once, at the end of the first <c>run</c> after it completed (NDMA3014). The list is the
    /// channel's own, reused: valid until the next call.
    /// </summary>
    internal IReadOnlyList<DescriptorProgress> TakeInterruptsToJudge()
    {
        // Runs after every run: a plain loop into one list kept for it, so judging allocates nothing per run.
        _due.Clear();
        foreach (var descriptor in _awaitingJudgment)
        {
            descriptor.InterruptJudged = true;
            _due.Add(descriptor);
        }

        _awaitingJudgment.Clear();
        if (_due.Count > 1)
        {
            _due.Sort(static (a, b) => a.Order.CompareTo(b.Order)); // Completion order is not always submission order.
        }

        return _due;
    }

    private readonly List<DescriptorProgress> _due = [];

    internal void MarkError(DescriptorProgress? descriptor, string why)
    {
        if (Error is null)
        {
            (ErrorOn, Error) = (descriptor, why);
        }
    }

    /// <summary>
    /// Forgets the channel this tracked, for the next channel allocated: every record goes to the spare pool and the maps
    /// are emptied, keeping their capacity.
    /// </summary>
    internal void Recycle()
    {
        foreach (var descriptor in _descriptors.Values)
        {
            descriptor.Release();
            _spare.Push(descriptor);
        }

        _descriptors.Clear();
        _chain.Clear();
        _due.Clear();
        _awaitingIsr.Clear();
        _awaitingDpc.Clear();
        _awaitingJudgment.Clear();
        _fetched.Clear();
        _nextOrder = 0;
        UnattributedReports.Clear();
        (LastCompleted, LastFetched, ErrorOn, Error, RereadExpected) = (null, null, null, null, null);
        (CompletedSinceStart, Completions, ReportedThrough) = (false, 0, 0);
    }

    private void Add(SubmittedChain chain, IReadOnlyList<DescriptorSpec> specs)
    {
        for (var i = 0; i < chain.Count; i++)
        {
            var progress = _spare.TryPop(out var spare) ? spare.Reuse(chain.Descriptor(i), specs[i]) : new DescriptorProgress(chain.Descriptor(i), specs[i]);
            if (_descriptors.TryGetValue(progress.Address, out var replaced))
            {
                // Submitted again at the same address: the new record takes the old one's place, in every list too.
                progress.Order = replaced.Order;
                _awaitingIsr.Remove(replaced);
                _awaitingDpc.Remove(replaced);
                _awaitingJudgment.Remove(replaced);
                _fetched.Remove(replaced);
            }
            else
            {
                progress.Order = _nextOrder++;
            }

            _descriptors[progress.Address] = progress;
            _chain.Add(progress);
        }
    }

    private void Drop()
    {
        foreach (var descriptor in _chain)
        {
            descriptor.Abandoned |= !descriptor.Completed;
        }

        _chain.Clear();
    }
}
