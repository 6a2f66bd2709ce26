using NetDma.ConformanceKit.Diagnostics;
using NetDma.ConformanceKit.Rules;
using NetDma.ConformanceKit.Scripting;

namespace NetDma.ConformanceKit.Isolation;

/// <summary>
/// The JSON-RPC methods between the kit process and a worker (StreamJsonRpc, System.Text.Json formatter, over a named
/// pipe, so a provider writing to its console cannot corrupt the stream). The kit calls <see cref="Load"/> once per
/// worker and <see cref="Run"/> per batch of scripts (one under schedules). The observations of a running script (<see cref="IExecutionObserver"/>)
/// do not travel as messages: the worker appends each to the <see cref="ObservationJournal"/>, a file both processes
/// map, which the kit created and named on the worker's command line (<see cref="WorkerHost.JournalOption"/>); the kit
/// drains it when the <see cref="Run"/> reply arrives, or after the worker died, and when the worker finds it full
/// (<see cref="JournalFull"/>). One message per script and a few per full journal, instead of one per observation.
/// </summary>
internal static class WorkerProtocol
{
    /// <summary>
    /// Request: load the driver classes of an assembly (<see cref="Running.DriverSource"/>), from a copy rewritten by
    /// Coyote's rewriter when the kit names one (its path, its cache folder and the names of the assemblies the kit
    /// process carries, which are never rewritten; or nulls) → <see cref="LoadReply"/>.
    /// </summary>
    public const string Load = "load";

    /// <summary>
    /// Request: run scripts one after another, each against a fresh driver (their <see cref="WireScript"/>s, the run's
    /// fault spec text or null, and the <see cref="Concurrency.ScheduleOptions"/> to explore them under, with one script
    /// per request, or null for sequential mode) → <see cref="RunReply"/>. Each script's observations are framed in the
    /// journal by <see cref="ObservationKind.ScriptStarted"/> and <see cref="ObservationKind.ScriptEnded"/> (its skip
    /// reason and rule evaluations), so a worker that dies in the middle of a batch has reported every script before the
    /// one it died in; every record is committed before the reply is sent. Several scripts per request spare a
    /// round trip per script (exploration runs thousands of short cases).
    /// </summary>
    public const string Run = "run";

    /// <summary>
    /// Request from the worker to the kit: the journal has no room for the next record. The kit applies every committed
    /// record to the running script's recorder, empties the journal (committed length 0) and answers; the worker then
    /// writes from the start again. The argument is a record longer than the whole journal, which the kit applies after
    /// the journal's records, or null → no result.
    /// </summary>
    public const string JournalFull = "journalFull";
}

/// <summary>What a worker found in the provider assembly, or why it could not load it.</summary>
/// <param name="DriverName">Display name of the driver classes found.</param>
/// <param name="HasNetDmaDriver">True when an INetDmaProviderDriver class was found.</param>
/// <param name="Error">The load error (a <see cref="Running.DriverLoadException"/> message), or null on success.</param>
internal sealed record LoadReply(string DriverName, bool HasNetDmaDriver, string? Error);

/// <summary>One script of a <see cref="WorkerProtocol.Run"/> request.</summary>
/// <param name="Source">Its text (the worker parses it again, as the kit did).</param>
/// <param name="File">Its display name.</param>
internal sealed record WireScript(string Source, string File);

/// <summary>
/// How a <see cref="WorkerProtocol.Run"/> request ended in the worker: every script ran, and its checks, violations,
/// skip reason and evaluations are in the observation journal, committed before this reply.
/// </summary>
/// <param name="Schedules">Under schedules, Coyote's report of the request's one script (with the failing schedule's replayable trace text); null in sequential mode.</param>
internal sealed record RunReply(Concurrency.ScheduleReport? Schedules = null);

/// <summary>A <see cref="Violation"/> as the journal records it: the rule by its ID, looked up again in the kit process.</summary>
/// <param name="RuleId">The rule's ID.</param>
/// <param name="Expected">What the contract required.</param>
/// <param name="Actual">What happened.</param>
/// <param name="Page">The DDI's page, or null (a kit rule with no corpus page).</param>
/// <param name="CallSequence">The calls that led there, oldest first.</param>
/// <param name="Location">The script command during which it was observed.</param>
/// <param name="Timeline">Under schedules, the same calls placed per CPU (<see cref="Violation.Timeline"/>), or null.</param>
internal sealed record WireViolation(string RuleId, string Expected, string Actual, string? Page, IReadOnlyList<string> CallSequence, SourceLocation? Location,
    IReadOnlyList<TimelineEntry>? Timeline = null)
{
    public static WireViolation From(Violation violation) =>
        new(violation.Rule.Id, violation.Expected, violation.Actual, violation.Page, violation.CallSequence, violation.Location, violation.Timeline);

    public Violation ToViolation() => new(RuleCatalog.Get(RuleId), Expected, Actual, Page, CallSequence, Location) { Timeline = Timeline };
}
