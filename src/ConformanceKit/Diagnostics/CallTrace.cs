namespace NetDma.ConformanceKit.Diagnostics;

/// <summary>
/// The calls of one run between the simulated system and the driver, in order ("cpu0 DISPATCH_LEVEL NetDMA -&gt;
/// ProviderAllocateDmaChannel(...) = STATUS_SUCCESS"). Violations quote its tail so a report shows how a provider got
/// where it broke a rule. Bounded: only the last <see cref="Capacity"/> entries are kept. Thread-safe, because a
/// watchdog reads the trace of a script whose provider hangs while that script's thread may still be writing.
/// </summary>
public sealed class CallTrace
{
    private readonly Queue<string> _entries = new();
    private readonly Lock _gate = new();

    /// <summary>How many entries are kept.</summary>
    public int Capacity { get; }

    /// <summary>Total entries ever recorded (also those dropped from the front).</summary>
    public long Count { get; private set; }

    /// <summary>The most recent entry that enters a routine (contains <c>-&gt;</c>), or null.</summary>
    public string? LastCall
    {
        get
        {
            lock (_gate)
            {
                return _entries.LastOrDefault(e => e.Contains("->", StringComparison.Ordinal));
            }
        }
    }

    /// <summary>Creates a trace that keeps the last <paramref name="capacity"/> entries.</summary>
    public CallTrace(int capacity = 256) => Capacity = capacity;

    /// <summary>Appends one entry.</summary>
    public void Record(string entry)
    {
        lock (_gate)
        {
            _entries.Enqueue(entry);
            Count++;
            if (_entries.Count > Capacity)
            {
                _entries.Dequeue();
            }
        }
    }

    /// <summary>The last <paramref name="count"/> entries, oldest first.</summary>
    public IReadOnlyList<string> Tail(int count = 16)
    {
        lock (_gate)
        {
            return [.. _entries.Skip(Math.Max(0, _entries.Count - count))];
        }
    }
}
