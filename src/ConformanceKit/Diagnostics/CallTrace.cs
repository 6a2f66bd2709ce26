namespace NetDma.ConformanceKit.Diagnostics;

/// <summary>
/// The calls of one run between the simulated system and the driver, in order ("cpu0 DISPATCH_LEVEL NetDMA -&gt;
/// ProviderAllocateDmaChannel(...) = STATUS_SUCCESS"), and the stack of driver routines running right now. Violations
/// quote its tail so a report shows how a provider got where it broke a rule; a hang or crash names the innermost
/// running routine. Bounded: only the last <see cref="Capacity"/> entries are kept. Thread-safe, because a watchdog
/// reads the trace of a script whose provider hangs while that script's thread may still be writing. Every entry is
/// also handed to the <see cref="Observer"/>, if any, before the call returns.
/// </summary>
/// <remarks>
/// Entries are kept as <see cref="TraceEntry"/> values in a ring that grows to <see cref="Capacity"/> and is then
/// overwritten in place, so recording a call in the steady state allocates nothing; the text is made only by
/// <see cref="Tail"/>, <see cref="RunningRoutine"/> and <see cref="FaultedRoutine"/>, that is when a violation, a
/// report or a hang quotes it (or by an observer that needs text, such as a worker's event stream).
/// </remarks>
/// <param name="capacity">How many entries are kept.</param>
/// <param name="observer">Receives every entry and routine entry/exit as it happens, or null.</param>
public sealed class CallTrace(int capacity = 256, IExecutionObserver? observer = null)
{
    // The ring: _entries[(_first + i) % _entries.Length] is the i-th oldest kept entry. It starts small (a script that
    // makes ten calls needs no 256-entry ring) and doubles until it holds Capacity entries.
    private TraceEntry[] _entries = new TraceEntry[Math.Min(16, Math.Max(1, capacity))];
    private int _first;
    private int _kept;

    // Routines running now, innermost last, each with the thread it runs on: under schedule exploration processors
    // interleave, and a routine that returns must remove its own entry, not another processor's.
    private readonly List<(int Thread, TraceEntry Entry)> _running = [];
    private readonly Lock _gate = new();
    private TraceEntry _faulted;
    private bool _hasFaulted;

    // With TracksProcessors only: _columns[i] is the timeline column of _entries[i] (a processor number, HardwareColumn
    // or UnplacedColumn), and _threadColumns the column each thread last named, for the entries that name none (a
    // return, a detail line): under schedule exploration they are not the previous entry's, another processor may
    // have run in between, but the recording thread's.
    private const int HardwareColumn = -1;
    private const int UnplacedColumn = -2;
    private int[]? _columns;
    private Dictionary<int, int>? _threadColumns;

    // With TracksProcessors and HeldLocks only: _held[i] is what the processor of _entries[i] held when it was recorded
    // (a list the kernel keeps per held set, so recording stores a reference and allocates nothing), or null for none.
    private IReadOnlyList<string>?[]? _held;

    /// <summary>How many entries are kept.</summary>
    public int Capacity { get; } = capacity;

    /// <summary>
    /// True to place every entry on the processor that made it, for <see cref="Timeline"/>: set under schedule
    /// exploration, where processors interleave. False (the default) keeps recording allocation-free and
    /// <see cref="Timeline"/> null.
    /// </summary>
    public bool TracksProcessors { get; init; }

    /// <summary>
    /// With <see cref="TracksProcessors"/>: the spin locks processor N holds right now (null for none), asked for each
    /// entry placed on a processor, so the <see cref="Timeline"/> can show them at that entry's row. Set by the kernel.
    /// </summary>
    internal Func<int, IReadOnlyList<string>?>? HeldLocks { get; set; }

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
                return _running.Count > 0 ? _running[^1].Entry.ToString() : null;
            }
        }
    }

    /// <summary>
    /// The innermost routine running on each thread that runs one, as (thread, trace entry), the most recently entered
    /// last: under schedule exploration several processors can be inside driver code at once.
    /// </summary>
    internal IReadOnlyList<(int Thread, string Entry)> RunningRoutines()
    {
        lock (_gate)
        {
            var innermost = new List<(int Thread, string Entry)>();
            var seen = new HashSet<int>();
            for (var i = _running.Count - 1; i >= 0; i--)
            {
                if (seen.Add(_running[i].Thread))
                {
                    innermost.Insert(0, (_running[i].Thread, _running[i].Entry.ToString()));
                }
            }

            return innermost;
        }
    }

    /// <summary>Appends one entry.</summary>
    public void Record(in TraceEntry entry)
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
    public void EnterRoutine(in TraceEntry entry, bool traced = true) => EnterRoutine(entry, traced, Environment.CurrentManagedThreadId);

    /// <summary>
    /// <see cref="EnterRoutine(in TraceEntry, bool)"/> on behalf of <paramref name="thread"/>: a recorder mirroring
    /// another process's trace is told which thread there entered the routine.
    /// </summary>
    internal void EnterRoutine(in TraceEntry entry, bool traced, int thread)
    {
        lock (_gate)
        {
            if (traced)
            {
                Append(entry);
            }
            else if (TracksProcessors)
            {
                // An untraced routine still names where it runs (a hardware engine step): what that thread records
                // next, unprefixed, is the hardware's.
                PlaceOnThread(entry, thread);
            }

            _running.Add((thread, entry));
        }

        Observer?.RoutineEntered(entry, traced, thread);
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
                return _hasFaulted ? _faulted.ToString() : null;
            }
        }
    }

    /// <summary>The innermost running routine returned, or (<paramref name="returned"/> false) an exception left it.</summary>
    public void LeaveRoutine(bool returned) => LeaveRoutine(returned, Environment.CurrentManagedThreadId);

    /// <summary><see cref="LeaveRoutine(bool)"/> on behalf of <paramref name="thread"/> (a mirrored trace).</summary>
    internal void LeaveRoutine(bool returned, int thread)
    {
        lock (_gate)
        {
            var index = _running.Count - 1;
            while (index >= 0 && _running[index].Thread != thread)
            {
                index--;
            }

            if (index >= 0)
            {
                if (returned)
                {
                    _hasFaulted = false;
                }
                else if (!_hasFaulted)
                {
                    _faulted = _running[index].Entry;
                    _hasFaulted = true;
                }

                _running.RemoveAt(index);
            }
        }

        Observer?.RoutineLeft(returned, thread);
    }

    /// <summary>The last <paramref name="count"/> entries, oldest first.</summary>
    public IReadOnlyList<string> Tail(int count = 20)
    {
        lock (_gate)
        {
            var taken = Math.Clamp(count, 0, _kept);
            var tail = new string[taken];
            for (var i = 0; i < taken; i++)
            {
                tail[i] = _entries[(_first + _kept - taken + i) % _entries.Length].ToString();
            }

            return tail;
        }
    }

    /// <summary>
    /// The last <paramref name="count"/> entries, oldest first, each placed on its processor, when the trace
    /// <see cref="TracksProcessors"/> and they span at least two columns (processors, or a processor and the hardware);
    /// null otherwise: a sequence on one processor reads best as the plain <see cref="Tail"/>.
    /// </summary>
    public IReadOnlyList<TimelineEntry>? Timeline(int count = 20)
    {
        lock (_gate)
        {
            if (!TracksProcessors || _columns is null)
            {
                return null;
            }

            var taken = Math.Clamp(count, 0, _kept);
            var timeline = new TimelineEntry[taken];
            for (var i = 0; i < taken; i++)
            {
                var index = (_first + _kept - taken + i) % _entries.Length;
                timeline[i] = Place(_entries[index].ToString(), _columns[index]);
                if (_held?[index] is { } held)
                {
                    timeline[i] = timeline[i] with { Held = held };
                }
            }

            return timeline.Select(e => e.Column).Distinct(StringComparer.Ordinal).Count() >= 2 ? timeline : null;
        }
    }

    /// <summary>
    /// <see cref="Tail"/> and <see cref="Timeline"/> of the same moment: no entry another processor records in between
    /// makes the two disagree (a violation quotes both).
    /// </summary>
    internal (IReadOnlyList<string> Tail, IReadOnlyList<TimelineEntry>? Timeline) Quote(int count = 20)
    {
        lock (_gate)
        {
            // System.Threading.Lock may be entered again by the thread that holds it: both read one state.
            return (Tail(count), Timeline(count));
        }
    }

    // The column an entry names by its own text ("cpu1 DISPATCH_LEVEL ...", "hardware ..."), or null.
    private static int? ColumnOf(ReadOnlySpan<char> text)
    {
        if (text.StartsWith(TimelineEntry.Hardware, StringComparison.Ordinal))
        {
            return HardwareColumn;
        }

        if (!text.StartsWith("cpu", StringComparison.Ordinal))
        {
            return null;
        }

        var digits = text[3..];
        var end = digits.IndexOf(' ');
        return end > 0 && int.TryParse(digits[..end], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var cpu)
            ? cpu
            : null;
    }

    // The column an entry names without formatting it: its first value when the template starts with it, else the
    // template's literal start.
    private static int? ColumnOf(in TraceEntry entry)
    {
        if (entry.Template is null)
        {
            return null;
        }

        if (!entry.Template.StartsWith("{0}", StringComparison.Ordinal))
        {
            return ColumnOf(entry.Template);
        }

        if (entry.First.TryGetProcessor(out var cpu))
        {
            return (int)cpu;
        }

        return entry.First.IsHardware ? HardwareColumn : entry.First.LiteralText is { } text ? ColumnOf(text) : null;
    }

    private int PlaceOnThread(in TraceEntry entry, int thread)
    {
        _threadColumns ??= [];
        if (ColumnOf(entry) is { } named)
        {
            _threadColumns[thread] = named;
            return named;
        }

        return _threadColumns.TryGetValue(thread, out var last) ? last : UnplacedColumn;
    }

    // The entry's text split into its column, the IRQL it states and the rest.
    private static TimelineEntry Place(string text, int column)
    {
        var label = column switch
        {
            HardwareColumn => TimelineEntry.Hardware,
            UnplacedColumn => TimelineEntry.Unplaced,
            _ => "cpu" + column.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

        switch (ColumnOf(text))
        {
            case HardwareColumn:
                return new(label, null, text[TimelineEntry.Hardware.Length..].TrimStart(':', ' '));
            case not null:
                // "cpu1 DISPATCH_LEVEL rest", or "cpu1 IRQL 5 rest" for a level with no DDI name.
                var irqlStart = text.IndexOf(' ') + 1;
                var irqlEnd = text.IndexOf(' ', irqlStart);
                if (irqlEnd > 0 && text.AsSpan(irqlStart, irqlEnd - irqlStart).SequenceEqual("IRQL"))
                {
                    irqlEnd = text.IndexOf(' ', irqlEnd + 1);
                }

                return irqlEnd < 0
                    ? new(label, text[irqlStart..], string.Empty)
                    : new(label, text[irqlStart..irqlEnd], text[(irqlEnd + 1)..]);
            default:
                return new(label, null, text.Trim());
        }
    }

    private void Append(in TraceEntry entry)
    {
        Count++;
        if (Capacity <= 0)
        {
            return;
        }

        if (_kept == _entries.Length && _kept < Capacity)
        {
            // Still growing: unroll the ring into a larger array, oldest first.
            var grown = new TraceEntry[Math.Min(Capacity, _entries.Length * 2)];
            for (var i = 0; i < _kept; i++)
            {
                grown[i] = _entries[(_first + i) % _entries.Length];
            }

            if (_columns is not null)
            {
                var columns = new int[grown.Length];
                for (var i = 0; i < _kept; i++)
                {
                    columns[i] = _columns[(_first + i) % _columns.Length];
                }

                _columns = columns;
            }

            if (_held is not null)
            {
                var held = new IReadOnlyList<string>?[grown.Length];
                for (var i = 0; i < _kept; i++)
                {
                    held[i] = _held[(_first + i) % _held.Length];
                }

                _held = held;
            }

            _entries = grown;
            _first = 0;
        }

        int slot;
        if (_kept < _entries.Length)
        {
            slot = (_first + _kept) % _entries.Length;
            _kept++;
        }
        else
        {
            // Full at Capacity: the newest overwrites the oldest.
            slot = _first;
            _first = (_first + 1) % _entries.Length;
        }

        _entries[slot] = entry;
        if (TracksProcessors)
        {
            _columns ??= new int[_entries.Length];
            var column = PlaceOnThread(entry, Environment.CurrentManagedThreadId);
            _columns[slot] = column;
            if (HeldLocks is { } heldLocks)
            {
                _held ??= new IReadOnlyList<string>?[_entries.Length];
                _held[slot] = column >= 0 ? heldLocks(column) : null;
            }
        }
    }
}
