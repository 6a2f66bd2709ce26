using System.Diagnostics.Tracing;
using System.Globalization;

namespace NetDma.Benchmarks;

/// <summary>
/// Which types the data path of <see cref="HostOverheadBenchmarks"/> allocates: runs each side's sequence
/// <c>sequences</c> times under the runtime's GC AllocationTick event (one sample about every 100 KB allocated, naming
/// the type of the object that crossed the threshold) and prints, per side, the exact bytes per NetDMA call
/// (<see cref="GC.GetAllocatedBytesForCurrentThread"/>) and the sampled types, most first, as a Markdown table.
/// Samples are proportional to bytes, so the table says where the bytes go, not how many objects there are.
/// </summary>
internal static class AllocationProfile
{
    public static int Run(int sequences)
    {
        var benchmarks = new HostOverheadBenchmarks();
        benchmarks.Setup();
        Measure("BareCalls", sequences, () => benchmarks.BareCalls());
        Measure("CheckedHost", sequences, () => benchmarks.CheckedHost());
        // What the run keeps: the heap after a full collection, before and after more sequences (the freed channels'
        // records the host keeps for reports, and anything else that grows with the run).
        var kept = GC.GetTotalMemory(forceFullCollection: true);
        for (var i = 0; i < sequences; i++)
        {
            benchmarks.CheckedHost();
        }

        var keptPerSequence = (GC.GetTotalMemory(forceFullCollection: true) - kept) / (double)sequences;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"CheckedHost keeps {keptPerSequence:0} bytes per sequence on the heap (one channel allocated and freed per sequence)"));
        Console.WriteLine();
        var steps = benchmarks.MeasureHostSteps(sequences);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"CheckedHost per step over {steps.Sequences} sequences (bytes, host + kernel + provider):"));
        Console.WriteLine();
        Console.WriteLine("| step | bytes per step |");
        Console.WriteLine("| --- | ---: |");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| allocate (ProviderAllocateDmaChannel) | {steps.Allocate / (double)steps.Sequences:0.#} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| start (ProviderStartDma, one descriptor) | {steps.Start / (double)steps.Sequences:0.#} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| append (ProviderAppendDma, one descriptor) | {steps.Append / (double)steps.Appends:0.#} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| run (engine steps, completion, ISR + NetDmaIsr, DPC + NetDmaInterruptDpc, delivery check) | {steps.Run / (double)steps.Runs:0.#} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| free (ProviderFreeDmaChannel) | {steps.Free / (double)steps.Sequences:0.#} |"));
        return 0;
    }

    /// <summary>
    /// The same profile for <see cref="ScheduleExplorationBenchmarks.Explore100Schedules"/>: <paramref name="batches"/>
    /// batches of 100 schedules, with the bytes per schedule counted over every thread
    /// (<see cref="GC.GetTotalAllocatedBytes"/>, since a schedule runs on its operation threads) and the sampled types.
    /// </summary>
    public static int RunSchedules(int batches)
    {
        var benchmarks = new ScheduleExplorationBenchmarks();
        benchmarks.Setup();
        benchmarks.Explore100Schedules();
        using var listener = new AllocationTickListener();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        long steps = 0;
        for (var i = 0; i < batches; i++)
        {
            steps += benchmarks.Explore().Schedules!.ScheduledSteps;
        }

        var cpuTime = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var schedules = batches * ScheduleExplorationBenchmarks.Runs;
        var perSchedule = (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)schedules;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Explore100Schedules: {steps / (double)schedules:0.0} Coyote scheduling steps and {perSchedule:0} bytes per schedule over {schedules} schedules ({clock.Elapsed.TotalMilliseconds / schedules:0.00} ms wall, {cpuTime.TotalMilliseconds / schedules:0.00} ms CPU of all threads per schedule; not a benchmark)"));
        Print(listener.Snapshot());
        return 0;
    }

    private static void Print(Dictionary<string, int> samples)
    {
        var total = samples.Sum(s => s.Value);
        Console.WriteLine();
        Console.WriteLine("| type | share of sampled bytes |");
        Console.WriteLine("| --- | ---: |");
        foreach (var (type, count) in samples.OrderByDescending(s => s.Value).Take(25))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| `{type}` | {100.0 * count / total:0.0}% |"));
        }

        Console.WriteLine();
    }

    private static void Measure(string side, int sequences, Func<int> sequence)
    {
        // Warm: the first sequences grow lists and dictionaries to their steady size.
        for (var i = 0; i < 16; i++)
        {
            sequence();
        }

        using var listener = new AllocationTickListener();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < sequences; i++)
        {
            sequence();
        }

        var perCall = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)(sequences * HostOverheadBenchmarks.CallsPerSequence);
        var samples = listener.Snapshot();
        var total = samples.Sum(s => s.Value);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{side}: {perCall:0.#} bytes per NetDMA call over {sequences} sequences; {total} AllocationTick samples"));
        Print(samples);
    }

    private sealed class AllocationTickListener : EventListener
    {
        private const EventKeywords GcKeyword = (EventKeywords)0x1;
        private readonly Dictionary<string, int> _types = new(StringComparer.Ordinal);
        private readonly Lock _gate = new();

        public Dictionary<string, int> Snapshot()
        {
            lock (_gate)
            {
                return new Dictionary<string, int>(_types, StringComparer.Ordinal);
            }
        }

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || eventData.PayloadNames is null)
            {
                return;
            }

            var index = eventData.PayloadNames.IndexOf("TypeName");
            var type = index >= 0 ? eventData.Payload?[index] as string ?? "?" : "?";
            lock (_gate)
            {
                _types[type] = _types.GetValueOrDefault(type) + 1;
            }
        }
    }
}
