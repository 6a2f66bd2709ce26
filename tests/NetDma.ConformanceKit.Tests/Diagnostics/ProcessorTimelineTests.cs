using NetDma.ConformanceKit.Diagnostics;

namespace NetDma.ConformanceKit.Tests.Diagnostics;

/// <summary>
/// The per-CPU timeline renderer: one column per processor in number order then the hardware then unplaced entries,
/// one row per entry in the order given, each entry only in its own column, cells cut at the column width with an
/// ellipsis; and the call trace that feeds it places an entry that names no processor on the processor its thread
/// named last, not on the previous entry's.
/// </summary>
public sealed class ProcessorTimelineTests
{
    [Fact]
    public void Columns_are_processors_in_number_order_then_the_hardware_then_unplaced_entries()
    {
        TimelineEntry[] entries =
        [
            new(TimelineEntry.Unplaced, null, "a"),
            new("cpu10", "PASSIVE_LEVEL", "b"),
            new(TimelineEntry.Hardware, null, "c"),
            new("cpu2", "DISPATCH_LEVEL", "d"),
            new("cpu2", "DISPATCH_LEVEL", "e"),
        ];

        Assert.Equal(["cpu2", "cpu10", "hardware", "other"], ProcessorTimeline.Columns(entries));
    }

    [Fact]
    public void Each_row_holds_its_entry_in_its_own_column_with_the_irql_in_the_order_given()
    {
        TimelineEntry[] entries =
        [
            new("cpu1", "DISPATCH_LEVEL", "provider -> ProviderAppendDma"),
            new("cpu0", "DIRQL", "<- Isr"),
            new("cpu1", null, "<- STATUS_SUCCESS"),
        ];

        var lines = ProcessorTimeline.Render(entries, cellWidth: 24);

        Assert.Equal(
        [
            "  | cpu0                     | cpu1",
            "1 |                          | DISPATCH provider -> Pr…",
            "2 | DIRQL <- Isr",
            "3 |                          | <- STATUS_SUCCESS",
        ], lines);
    }

    [Fact]
    public void A_cell_longer_than_its_column_is_cut_to_the_width_and_ends_with_an_ellipsis_and_one_that_fits_is_not()
    {
        TimelineEntry[] entries = [new("cpu0", null, "0123456789"), new("cpu1", null, "01234567890"), new("cpu0", null, "012345678")];

        var lines = ProcessorTimeline.Render(entries, cellWidth: 10);

        Assert.Equal("1 | 0123456789", lines[1]);
        Assert.Equal("2 |            | 012345678" + ProcessorTimeline.Ellipsis, lines[2]);
        Assert.Equal("3 | 012345678", lines[3]);
        Assert.All(lines, line => Assert.True(line.Length <= 2 + 2 * (3 + 10), line));
    }

    [Fact]
    public void Row_numbers_are_right_aligned_to_the_widest()
    {
        var entries = Enumerable.Range(0, 12).Select(i => new TimelineEntry(i % 2 == 0 ? "cpu0" : "cpu1", null, $"e{i}")).ToList();

        var lines = ProcessorTimeline.Render(entries, cellWidth: 4);

        Assert.Equal(" 1 | e0", lines[1]);
        Assert.Equal("12 |      | e11", lines[12]);
    }

    [Fact]
    public void The_trace_places_an_entry_that_names_no_processor_on_the_processor_its_thread_named_last()
    {
        var trace = new CallTrace { TracksProcessors = true };
        OnThread(() => trace.Record(new TraceEntry("{0} provider -> {1}", TraceValue.Processor(0, Contracts.Annotations.Irql.DISPATCH_LEVEL), "ProviderAppendDma")));
        OnThread(() =>
        {
            trace.Record("cpu1 PASSIVE_LEVEL driver -> KeRaiseIrql");
            trace.Record("    <- STATUS_SUCCESS (0x00000000)");
        });
        OnThread(() => trace.Record("  unplaced detail"));

        var timeline = trace.Timeline();

        Assert.NotNull(timeline);
        Assert.Equal(
        [
            new TimelineEntry("cpu0", "DISPATCH_LEVEL", "provider -> ProviderAppendDma"),
            new TimelineEntry("cpu1", "PASSIVE_LEVEL", "driver -> KeRaiseIrql"),
            new TimelineEntry("cpu1", null, "<- STATUS_SUCCESS (0x00000000)"),
            new TimelineEntry(TimelineEntry.Unplaced, null, "unplaced detail"),
        ], timeline);
    }

    [Fact]
    public void An_untraced_hardware_routine_places_what_its_thread_records_next_on_the_hardware()
    {
        var trace = new CallTrace { TracksProcessors = true };
        trace.Record("cpu0 PASSIVE_LEVEL provider -> ProviderStartDma");
        OnThread(() =>
        {
            trace.EnterRoutine(new TraceEntry("hardware -> {0} (ISimulatedEngine.Step)", "Engine"), traced: false);
            trace.Record("  bus: master abort");
            trace.LeaveRoutine(returned: true);
        });

        Assert.Equal([new TimelineEntry("cpu0", "PASSIVE_LEVEL", "provider -> ProviderStartDma"), new TimelineEntry(TimelineEntry.Hardware, null, "bus: master abort")], trace.Timeline());
    }

    [Fact]
    public void A_trace_on_one_processor_or_one_that_does_not_track_processors_has_no_timeline()
    {
        var oneProcessor = new CallTrace { TracksProcessors = true };
        oneProcessor.Record("cpu0 PASSIVE_LEVEL system -> AddDevice");
        oneProcessor.Record("    <- STATUS_SUCCESS (0x00000000)");
        var untracked = new CallTrace();
        untracked.Record("cpu0 PASSIVE_LEVEL system -> AddDevice");
        OnThread(() => untracked.Record("cpu1 DISPATCH_LEVEL system -> Dpc"));

        Assert.Null(oneProcessor.Timeline());
        Assert.Null(untracked.Timeline());
    }

    // Runs on a thread of its own and waits for it: the trace tells processors apart by the recording thread.
    private static void OnThread(Action action)
    {
        var thread = new Thread(() => action());
        thread.Start();
        thread.Join();
    }
}
