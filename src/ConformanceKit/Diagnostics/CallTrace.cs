namespace NetDma.ConformanceKit.Diagnostics;

/// <summary>
/// The calls of one run between the simulated system and the driver, in order ("cpu0 DISPATCH_LEVEL NetDMA -&gt;
/// ProviderAllocateDmaChannel(...) = STATUS_SUCCESS"), and the stack of driver routines running right now. Violations
/// quote its tail so a report shows how a provider got where it broke a rule; a hang or crash names the innermost
/// running routine. Bounded: only the last <see cref="Capacity"/> entries are kept. Thread-safe, because a watchdog
/// reads the trace of a script whose provider hangs while that script's thread may still be writing. Every entry is
/// also handed to the <see cref="Observer"/>, if any, before the call returns.
/// </summary>
/// <param name="capacity">How many entries are kept.</param>
/// <param name="observer">Receives every entry and routine entry/exit as it happens, or null.</param>
public sealed class CallTrace(int capacity = 256, IExecutionObserver? observer = null)
{
    private readonly Queue<string> _entries = new();
    // Routines running now, innermost last, each with the thread it runs on: under schedule exploration processors
    // interleave, and a routine that returns must remove its own entry, not another processor's.
    private readonly List<(int Thread, string Entry)> _running = [];
    private readonly Lock _gate = new();
    private string? _faulted;

    /// <summary>How many entries are kept.</summary>
    public int Capacity { get; } = capacity;

    /// <summary>Receives every entry as it is recorded, or null.</summary>
    public IExecutionObserver? Observer { get; } = observer;

    /// <summary>Total entries ever recorded (also those dropped from the front).</summary>
    public long Count { get; private set; }

    /// <summary>The trace entry of the innermost driver routine running now, or null when none runs.</summary>
    public string? RunningRoutine
    {
        get
        {
            lock (_gate)
            {
                return _running.Count > 0 ? _running[^1].Entry : null;
            }
        }
    }

    /// <summary>Appends one entry.</summary>
    public void Record(string entry)
    {
        lock (_gate)
        {
            Append(entry);
        }

        Observer?.Traced(entry);
    }

    /// <summary>Marks a driver routine the system calls as running and, unless <paramref name="traced"/> is false, appends its entry.</summary>
    /// <param name="entry">The routine's trace entry (<c>cpu0 PASSIVE_LEVEL system -&gt; AddDevice</c>).</param>
    /// <param name="traced">False for calls too frequent to trace (hardware engine steps): running, not recorded.</param>
    public void EnterRoutine(string entry, bool traced = true)
    {
        lock (_gate)
        {
            if (traced)
            {
                Append(entry);
            }

            _running.Add((Environment.CurrentManagedThreadId, entry));
        }

        Observer?.RoutineEntered(entry, traced);
    }

    /// <summary>
    /// The trace entry of the innermost driver routine an exception escaped from, while that exception propagates; null
    /// once a routine returns normally again (the exception was handled by driver code further out).
    /// </summary>
    public string? FaultedRoutine
    {
        get
        {
            lock (_gate)
            {
                return _faulted;
            }
        }
    }

    /// <summary>The innermost running routine returned, or (<paramref name="returned"/> false) an exception left it.</summary>
    public void LeaveRoutine(bool returned)
    {
        lock (_gate)
        {
            var thread = Environment.CurrentManagedThreadId;
            var index = _running.FindLastIndex(r => r.Thread == thread);
            if (index >= 0)
            {
                var left = _running[index].Entry;
                _running.RemoveAt(index);
                _faulted = returned ? null : _faulted ?? left;
            }
        }

        Observer?.RoutineLeft(returned);
    }

    /// <summary>The last <paramref name="count"/> entries, oldest first.</summary>
    public IReadOnlyList<string> Tail(int count = 20)
    {
        lock (_gate)
        {
            return [.. _entries.Skip(Math.Max(0, _entries.Count - count))];
        }
    }

    private void Append(string entry)
    {
        _entries.Enqueue(entry);
        Count++;
        if (_entries.Count > Capacity)
        {
            _entries.Dequeue();
        }
    }
}
