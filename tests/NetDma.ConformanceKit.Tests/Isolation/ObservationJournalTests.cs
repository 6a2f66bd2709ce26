using NetDma.ConformanceKit.Diagnostics;
using NetDma.ConformanceKit.Faults;
using NetDma.ConformanceKit.Isolation;
using NetDma.ConformanceKit.Rules;
using NetDma.ConformanceKit.Running;
using NetDma.ConformanceKit.Scripting;

namespace NetDma.ConformanceKit.Tests.Isolation;

/// <summary>
/// The observation journal on its own, without a worker process: what the worker's stream writes, the kit's reader
/// hands to a recorder exactly as the in-process path would (every kind of record, in order); a record past the
/// committed length is not read; a journal too small for a script is drained when full, as often as needed, and a
/// record larger than the whole journal travels in the drain request, with nothing lost or reordered.
/// </summary>
public sealed class ObservationJournalTests
{
    private const string File = "journal/observations.ndma";

    private static readonly Script Script = ScriptParser.Parse("""
        title "journal"
        platform processors=2 msix=off netdma=2.0
        add_device
        """, File);

    [Fact]
    public void Every_kind_of_record_reaches_the_recorder_as_the_in_process_path_gives_it()
    {
        using var journal = ObservationJournal.Create(1 << 16);
        var (stream, events, drains) = Connect(journal);
        var direct = new ScriptRecorder(Script);
        events.Recorder = new ScriptRecorder(Script);

        Observe(stream, rounds: 1);
        Observe(direct, rounds: 1);
        events.Drain();

        Assert.Equal(Describe(direct), Describe(events.Recorder));
        Assert.Empty(drains);
        Assert.Equal(0, journal.Committed);
    }

    [Fact]
    public void A_record_past_the_committed_length_is_not_read_until_it_is_published()
    {
        using var journal = ObservationJournal.Create(1 << 12);
        var (stream, events, _) = Connect(journal);
        var recorder = events.Recorder = new ScriptRecorder(Script);
        stream.CommandStarted(new SourceLocation(File, 3, 1));
        var committed = journal.Committed;
        // A record the worker was writing when it died: its bytes are in the file, its length was never published.
        var torn = new JournalEncoder();
        torn.Start(ObservationKind.CommandStarted);
        torn.Write(new SourceLocation(File, 9, 1));
        torn.Finish();
        journal.Write(committed, torn.Buffer, torn.Length);

        events.Drain();
        Assert.Equal(new SourceLocation(File, 3, 1), recorder.CurrentCommand);

        // Published, the same bytes are a record like any other (so the check above is not vacuous).
        journal.Write(0, torn.Buffer, torn.Length);
        journal.Publish(torn.Length);
        events.Drain();
        Assert.Equal(new SourceLocation(File, 9, 1), recorder.CurrentCommand);
    }

    [Fact]
    public void A_committed_record_that_does_not_decode_is_reported_as_a_corrupt_journal()
    {
        using var journal = ObservationJournal.Create(1 << 12);
        var (_, events, _) = Connect(journal);
        events.Recorder = new ScriptRecorder(Script);
        var record = new JournalEncoder();
        record.Start(ObservationKind.CommandStarted);
        record.Write(3); // a location needs a file name first: 3 is read as its byte count, past the record's end
        record.Finish();
        journal.Write(0, record.Buffer, record.Length);
        journal.Publish(record.Length);

        var error = Assert.Throws<InvalidDataException>(events.Drain);

        Assert.Contains("corrupt", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ObservationJournal.MinimumCapacity)]
    [InlineData(300)]
    [InlineData(4096)]
    public void A_small_journal_is_drained_when_full_and_loses_nothing_nor_reorders(int capacity)
    {
        using var journal = ObservationJournal.Create(capacity);
        var (stream, events, drains) = Connect(journal);
        var direct = new ScriptRecorder(Script);
        events.Recorder = new ScriptRecorder(Script);

        Observe(stream, rounds: 40);
        Observe(direct, rounds: 40);
        events.Drain();

        Assert.Equal(Describe(direct), Describe(events.Recorder));
        Assert.True(drains.Count >= 2, $"capacity {capacity}: {drains.Count} drain(s)");
        // The long checks' records are longer than the small journals: they travel in the request; in a journal of
        // pages, every record fits.
        if (capacity < 4096)
        {
            Assert.Contains(true, drains);
        }
        else
        {
            Assert.DoesNotContain(true, drains);
        }
    }

    [Fact]
    public void Each_script_and_schedule_start_is_counted_in_the_header_and_starts_the_next_recorder()
    {
        using var journal = ObservationJournal.Create(ObservationJournal.MinimumCapacity);
        var (stream, events, _) = Connect(journal);
        var recorders = new List<ScriptRecorder>();
        events.NextSchedule = () =>
        {
            recorders.Add(new ScriptRecorder(Script));
            return recorders[^1];
        };

        for (var schedule = 1; schedule <= 5; schedule++)
        {
            stream.ScheduleStarted();
            Assert.Equal(schedule, journal.Starts);
            stream.CommandStarted(new SourceLocation(File, schedule, 1));
        }

        events.Drain();

        Assert.Equal([1, 2, 3, 4, 5], recorders.Select(r => r.CurrentCommand?.Line));
    }

    /// <summary>A worker's stream and the kit's reader over one journal, the drain request made by a direct call; records whether each drain carried an oversized record.</summary>
    private static (WorkerEventStream Stream, WorkerEvents Events, List<bool> Drains) Connect(ObservationJournal journal)
    {
        var events = new WorkerEvents(journal);
        var drains = new List<bool>();
        var writer = new WorkerJournalWriter(journal, oversized =>
        {
            drains.Add(oversized is not null);
            events.JournalFull(oversized);
        });
        return (new WorkerEventStream(writer), events, drains);
    }

    /// <summary>
    /// Every kind of observation, <paramref name="rounds"/> times, each round's values its own. Rules are taken by
    /// position, not named: the journal carries any rule's ID, and this test is no evidence for a particular rule.
    /// </summary>
    private static void Observe(IExecutionObserver observer, int rounds)
    {
        for (var round = 0; round < rounds; round++)
        {
            var at = new SourceLocation(File, 3 + round, 1 + round % 3);
            observer.CommandStarted(at);
            // Two threads, each in a lane of its own in some rounds: the crash report's location and routine depend on
            // which thread entered what, so the thread IDs and lanes must survive the journal.
            var thread = 20 + round % 2;
            if (round % 3 == 1)
            {
                observer.LaneStarted(new SourceLocation(File, 60 + round, 3), thread);
            }

            observer.RoutineEntered($"system -> ProviderAllocateDmaChannel(round {round}) \u00e9\u4e2d", traced: true, thread);
            observer.Traced($"  IoConnectInterruptEx -> STATUS_SUCCESS ({round})");
            if (round % 4 != 2)
            {
                observer.RoutineLeft(returned: round % 2 == 0, thread);
            }

            if (round % 3 == 2)
            {
                observer.LaneEnded(thread);
            }

            observer.FaultInjected(new InjectedFault(FaultKind.Pool, $"ExAllocatePool2 #{round}", "returned NULL", round % 2 == 0 ? at : null, round));
            observer.CheckRecorded(new CheckResult(at, $"assert_status {round}", round % 3 != 0, round % 3 != 0 ? [] : ["rule-a", "rule-b"], $"message {round}",
                round % 2 == 0 ? new SourceLocation(File, 40 + round, 2) : null));
            if (round % 4 == 3)
            {
                // Longer than the small journals: its record travels in the drain request, after the short check
                // committed just before it (which a drain that applied the long record first would put after it).
                observer.CheckRecorded(new CheckResult(at, $"assert_bytes {round}", true, [], $"long message {round}: " + new string('m', 400)));
            }

            if (round % 5 == 0)
            {
                observer.ViolationReported(new Violation(RuleCatalog.All[round % RuleCatalog.All.Count], "expected", $"actual {round}", round % 2 == 0 ? null : "nc-netdma.md",
                    [.. Enumerable.Range(0, 6).Select(i => $"call {i} of round {round}")], round % 2 == 0 ? at : null)
                {
                    Timeline = round % 10 == 0 ? [new TimelineEntry("CPU0", "DISPATCH_LEVEL", "append") { Held = ["ch0 lock"] }, new TimelineEntry(TimelineEntry.Hardware, null, "interrupt")] : null,
                });
            }
        }
    }

    /// <summary>Everything a recorder holds, the call trace included (through a crash report, which quotes it), as text.</summary>
    private static string Describe(ScriptRecorder recorder)
    {
        var result = recorder.Crashed("described", TimeSpan.Zero);
        return string.Join("\n", result.Checks.Select(c => $"{c.Location} {c.Title} {c.Passed} [{string.Join(",", c.RuleIds)}] {c.Message}")
            .Concat(result.Violations.Select(v => $"{v.Location} {v.Details}"))
            .Concat(result.Faults.Select(f => $"{f} {f.Kind} {f.Location}")));
    }
}
