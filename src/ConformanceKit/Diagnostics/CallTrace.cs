namespace NetDma.ConformanceKit.Diagnostics;

/// <summary>
/// The calls of one run between the simulated system and the driver, in order ("cpu0 DISPATCH_LEVEL NetDMA -&gt;
/// ProviderAllocateDmaChannel(...) = STATUS_SUCCESS"). Violations quote its tail so a report shows how a provider got
/// where it broke a rule. Bounded: only the last <see cref="Capacity"/> entries are kept.
/// </summary>
public sealed class CallTrace
{
    private readonly Queue<string> _entries = new();

    /// <summary>How many entries are kept.</summary>
    public int Capacity { get; }

    /// <summary>Total entries ever recorded (also those dropped from the front).</summary>
    public long Count { get; private set; }

    /// <summary>Creates a trace that keeps the last <paramref name="capacity"/> entries.</summary>
    public CallTrace(int capacity = 256) => Capacity = capacity;

    /// <summary>Appends one entry.</summary>
    public void Record(string entry)
    {
        _entries.Enqueue(entry);
        Count++;
        if (_entries.Count > Capacity)
        {
            _entries.Dequeue();
        }
    }

    /// <summary>The last <paramref name="count"/> entries, oldest first.</summary>
    public IReadOnlyList<string> Tail(int count = 24) => [.. _entries.Skip(Math.Max(0, _entries.Count - count))];
}
