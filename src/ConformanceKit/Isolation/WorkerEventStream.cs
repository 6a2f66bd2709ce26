using NetDma.ConformanceKit.Diagnostics;
using NetDma.ConformanceKit.Running;
using NetDma.ConformanceKit.Scripting;

namespace NetDma.ConformanceKit.Isolation;

/// <summary>
/// The worker's side of the observation journal: every observation of the running script becomes one record of the
/// <see cref="ObservationJournal"/> (<see cref="ObservationKind"/>), published before the call returns, so a worker
/// that dies the next instant has lost nothing it observed. <see cref="WorkerEvents"/> reads the records back.
/// </summary>
/// <param name="journal">The journal's writer, shared by every stream of the worker.</param>
/// <param name="local">
/// An observer in the worker that sees every observation too, after it was recorded, or null: under schedules, the
/// schedule's own recorder, whose verdict tells Coyote whether the schedule failed.
/// </param>
internal sealed class WorkerEventStream(WorkerJournalWriter journal, IExecutionObserver? local = null) : IExecutionObserver
{
    /// <summary>A stream into the same journal that also hands every observation to <paramref name="observer"/>.</summary>
    public WorkerEventStream With(IExecutionObserver observer) => new(journal, observer);

    public void CommandStarted(SourceLocation location)
    {
        journal.Start(ObservationKind.CommandStarted).Write(location);
        journal.Append();
        local?.CommandStarted(location);
    }

    // The journal carries text: a worker formats every entry it records (the in-process recorder keeps the values).
    public void Traced(in TraceEntry entry)
    {
        var text = entry.ToString();
        journal.Start(ObservationKind.Traced).Write(text);
        journal.Append();
        local?.Traced(entry);
    }

    public void RoutineEntered(in TraceEntry entry, bool traced, int thread)
    {
        var text = entry.ToString();
        var record = journal.Start(ObservationKind.RoutineEntered);
        record.Write(text);
        record.Write(traced);
        record.Write(thread);
        journal.Append();
        local?.RoutineEntered(entry, traced, thread);
    }

    public void RoutineLeft(bool returned, int thread)
    {
        var record = journal.Start(ObservationKind.RoutineLeft);
        record.Write(returned);
        record.Write(thread);
        journal.Append();
        local?.RoutineLeft(returned, thread);
    }

    public void LaneStarted(SourceLocation location, int thread)
    {
        var record = journal.Start(ObservationKind.LaneStarted);
        record.Write(location);
        record.Write(thread);
        journal.Append();
        local?.LaneStarted(location, thread);
    }

    public void LaneEnded(int thread)
    {
        journal.Start(ObservationKind.LaneEnded).Write(thread);
        journal.Append();
        local?.LaneEnded(thread);
    }

    public void ViolationReported(Violation violation)
    {
        var wire = WireViolation.From(violation);
        var record = journal.Start(ObservationKind.ViolationReported);
        record.Write(wire.RuleId);
        record.Write(wire.Expected);
        record.Write(wire.Actual);
        record.Write(wire.Page);
        record.Write(wire.CallSequence);
        record.Write(wire.Location);
        record.Write(wire.Timeline is not null);
        record.Write(wire.Timeline?.Count ?? 0);
        foreach (var entry in wire.Timeline ?? [])
        {
            record.Write(entry.Column);
            record.Write(entry.Irql);
            record.Write(entry.Text);
            record.Write(entry.Held);
        }

        journal.Append();
        local?.ViolationReported(violation);
    }

    public void CheckRecorded(CheckResult check)
    {
        var record = journal.Start(ObservationKind.CheckRecorded);
        record.Write(check.Location);
        record.Write(check.Step);
        record.Write(check.Passed);
        record.Write(check.RuleIds);
        record.Write(check.Message);
        record.Write(check.AssertedAt);
        journal.Append();
        local?.CheckRecorded(check);
    }

    public void FaultInjected(Faults.InjectedFault fault)
    {
        var record = journal.Start(ObservationKind.FaultInjected);
        record.Write((int)fault.Kind);
        record.Write(fault.Point);
        record.Write(fault.Effect);
        record.Write(fault.Location);
        record.Write(fault.CallIndex);
        journal.Append();
        local?.FaultInjected(fault);
    }

    /// <summary>Records that the next script of the request starts (<see cref="ObservationKind.ScriptStarted"/>) and counts it in the journal's header, which the kit's watchdog reads.</summary>
    public void ScriptStarted()
    {
        journal.Start(ObservationKind.ScriptStarted);
        journal.Append();
        journal.CountStart();
    }

    /// <summary>Records how the script ended (<see cref="ObservationKind.ScriptEnded"/>).</summary>
    /// <param name="skipReason">Why it was skipped, or null.</param>
    /// <param name="evaluations">How many times each rule's check was evaluated (rule ID to count).</param>
    /// <param name="duration">How long it ran in the worker.</param>
    public void ScriptEnded(string? skipReason, IReadOnlyDictionary<string, int> evaluations, TimeSpan duration)
    {
        var record = journal.Start(ObservationKind.ScriptEnded);
        record.Write(skipReason);
        record.Write(evaluations.Count);
        foreach (var (rule, count) in evaluations)
        {
            record.Write(rule);
            record.Write(count);
        }

        record.Write(duration.Ticks);
        journal.Append();
    }

    /// <summary>Records that the next schedule starts (<see cref="ObservationKind.ScheduleStarted"/>) and counts it in the journal's header, which the kit's watchdog reads.</summary>
    public void ScheduleStarted()
    {
        journal.Start(ObservationKind.ScheduleStarted);
        journal.Append();
        journal.CountStart();
    }
}
