using NetDma.ConformanceKit.Diagnostics;
using NetDma.ConformanceKit.Running;
using StreamJsonRpc;

namespace NetDma.ConformanceKit.Isolation;

/// <summary>
/// The kit's side of the observation journal: drains the records the worker committed into the recorder of the script
/// running now, in the order they were written, making the same recorder calls as the in-process path. Drained when
/// the worker finds the journal full (<see cref="WorkerProtocol.JournalFull"/>), when the script's reply arrives, and
/// after the worker died or was killed: the journal outlives its writer, so a death loses nothing committed.
/// </summary>
/// <remarks>
/// Not thread-safe: the kit calls it on the connection's non-concurrent synchronization context only (the drain
/// request arrives there; <see cref="WorkerProcess"/> posts its own drains there), so drains never overlap.
/// </remarks>
/// <param name="journal">The journal the kit created for the worker.</param>
internal sealed class WorkerEvents(ObservationJournal journal)
{
    private byte[] _records = [];

    /// <summary>The recorder of the script the worker is running, or null between scripts.</summary>
    public ScriptRecorder? Recorder { get; set; }

    /// <summary>Makes the recorder of the request's next script as it starts (<see cref="ObservationKind.ScriptStarted"/>); null between requests.</summary>
    public Func<ScriptRecorder>? NextScript { get; set; }

    /// <summary>Takes how the running script ended (<see cref="ObservationKind.ScriptEnded"/>): skip reason or null, rule evaluations, duration in the worker; null between requests.</summary>
    public Action<string?, IReadOnlyDictionary<string, int>, TimeSpan>? ScriptEnded { get; set; }

    /// <summary>Under schedules, makes the recorder of the schedule that starts (<see cref="ObservationKind.ScheduleStarted"/>); null otherwise.</summary>
    public Func<ScriptRecorder>? NextSchedule { get; set; }

    /// <summary>The worker's request when its next record does not fit: drain, then apply <paramref name="oversized"/> (a record longer than the journal), if any.</summary>
    [JsonRpcMethod(WorkerProtocol.JournalFull)]
    public void JournalFull(byte[]? oversized)
    {
        Drain();
        if (oversized is not null)
        {
            var applied = Apply(oversized, oversized.Length);
            if (applied != oversized.Length)
            {
                throw new InvalidDataException($"the worker's oversized record is corrupt: {oversized.Length} bytes, of which {applied} form records");
            }
        }
    }

    /// <summary>
    /// Applies every record up to the committed length to <see cref="Recorder"/> and empties the journal. A record the
    /// worker was writing when it died lies past the committed length and is not read.
    /// </summary>
    /// <exception cref="InvalidDataException">A committed record does not decode (a kit fault, or the provider wrote over the journal).</exception>
    public void Drain()
    {
        var committed = (int)journal.Committed;
        if (committed == 0)
        {
            return;
        }

        if (_records.Length < committed)
        {
            _records = new byte[Math.Max(committed, Math.Min(_records.Length * 2, journal.Capacity))];
        }

        journal.Read(_records, committed);
        var applied = Apply(_records, committed);
        if (applied != committed)
        {
            throw new InvalidDataException($"the worker's observation journal is corrupt: {committed} bytes committed, of which {applied} form records");
        }

        journal.Publish(0);
    }

    /// <summary>Applies the whole records in the first <paramref name="count"/> bytes of <paramref name="records"/>; returns how many bytes they took.</summary>
    private int Apply(byte[] records, int count)
    {
        var at = 0;
        while (count - at >= sizeof(int) + 1)
        {
            var length = System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(records.AsSpan(at));
            if (length < 1 || length > count - at - sizeof(int))
            {
                break;
            }

            var record = records.AsSpan(at + sizeof(int), length);
            var body = new JournalDecoder(record[1..]);
            Apply((ObservationKind)record[0], ref body);
            if (!body.AtEnd)
            {
                throw new InvalidDataException($"the worker's observation journal is corrupt: a {(ObservationKind)record[0]} record of {length} bytes has bytes left over");
            }

            at += sizeof(int) + length;
        }

        return at;
    }

    private void Apply(ObservationKind kind, ref JournalDecoder body)
    {
        switch (kind)
        {
            case ObservationKind.CommandStarted:
                var location = body.ReadLocation();
                Recorder?.CommandStarted(location);
                break;
            case ObservationKind.Traced:
                var entry = body.ReadString();
                Recorder?.Traced(entry);
                break;
            case ObservationKind.RoutineEntered:
                var routine = body.ReadString();
                var traced = body.ReadBool();
                Recorder?.RoutineEntered(routine, traced, body.ReadInt32());
                break;
            case ObservationKind.RoutineLeft:
                var returned = body.ReadBool();
                Recorder?.RoutineLeft(returned, body.ReadInt32());
                break;
            case ObservationKind.LaneStarted:
                var lane = body.ReadLocation();
                Recorder?.LaneStarted(lane, body.ReadInt32());
                break;
            case ObservationKind.LaneEnded:
                Recorder?.LaneEnded(body.ReadInt32());
                break;
            case ObservationKind.ViolationReported:
                var violation = ReadViolation(ref body);
                Recorder?.ViolationReported(violation.ToViolation());
                break;
            case ObservationKind.CheckRecorded:
                var check = new CheckResult(body.ReadLocation(), body.ReadString(), body.ReadBool(), body.ReadStrings(), body.ReadString(), body.ReadNullableLocation());
                Recorder?.CheckRecorded(check);
                break;
            case ObservationKind.FaultInjected:
                var fault = new Faults.InjectedFault((Faults.FaultKind)body.ReadInt32(), body.ReadString(), body.ReadString(), body.ReadNullableLocation(), body.ReadInt64());
                Recorder?.FaultInjected(fault);
                break;
            case ObservationKind.ScriptStarted:
                Recorder = NextScript?.Invoke();
                break;
            case ObservationKind.ScriptEnded:
                var skipReason = body.ReadNullableString();
                var evaluations = new Dictionary<string, int>(StringComparer.Ordinal);
                for (var count = body.ReadCount(); count > 0; count--)
                {
                    evaluations[body.ReadString()] = body.ReadInt32();
                }

                var duration = TimeSpan.FromTicks(body.ReadInt64());
                ScriptEnded?.Invoke(skipReason, evaluations, duration);
                Recorder = null;
                break;
            case ObservationKind.ScheduleStarted:
                if (NextSchedule is { } next)
                {
                    Recorder = next();
                }

                break;
            default:
                throw new InvalidDataException($"the worker's observation journal is corrupt: a record of kind {(byte)kind}");
        }
    }

    private static WireViolation ReadViolation(ref JournalDecoder body)
    {
        var ruleId = body.ReadString();
        var expected = body.ReadString();
        var actual = body.ReadString();
        var page = body.ReadNullableString();
        var calls = body.ReadStrings();
        var location = body.ReadNullableLocation();
        var hasTimeline = body.ReadBool();
        var timeline = new TimelineEntry[body.ReadCount()];
        for (var i = 0; i < timeline.Length; i++)
        {
            timeline[i] = new TimelineEntry(body.ReadString(), body.ReadNullableString(), body.ReadString()) { Held = body.ReadStrings() };
        }

        return new WireViolation(ruleId, expected, actual, page, calls, location, hasTimeline ? timeline : null);
    }
}
