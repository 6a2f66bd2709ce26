using NetDma.ConformanceKit.Running;
using NetDma.ConformanceKit.Scripting;
using StreamJsonRpc;

namespace NetDma.ConformanceKit.Isolation;

/// <summary>
/// The worker's RPC target: loads the provider assembly once (from a copy rewritten by Coyote's rewriter when the kit
/// asks, for schedule exploration), then runs each script it is sent against a fresh driver instance, in sequential
/// mode or under schedules, recording every observation in the kit's observation journal (<see cref="WorkerEventStream"/>).
/// </summary>
internal sealed class WorkerService
{
    private IDriverFactory? _factory;

    /// <summary>The writer of the kit's observation journal; set before the first request arrives.</summary>
    public WorkerJournalWriter? Journal { get; set; }

    [JsonRpcMethod(WorkerProtocol.Load)]
    public LoadReply Load(DriverSource source, string? rewriterPath = null, string? rewriteCache = null, IReadOnlyList<string>? kitAssemblies = null)
    {
        try
        {
            // The rewriter's own cache (by content hash, shared with --in-process runs) makes every worker after the
            // first one of a run, and every later run of the same assembly, load the copy without rewriting again. What
            // counts as the provider's own assemblies is decided by what the kit process carries, as with --in-process.
            var rewriter = rewriterPath is null ? null : new Concurrency.Rewriting.ProviderRewriter(rewriterPath, rewriteCache)
            {
                CarriedAssemblies = kitAssemblies?.ToHashSet(StringComparer.OrdinalIgnoreCase),
            };
            _factory = DriverAssemblyLoader.Load(source.AssemblyPath, source.TypeName, rewriter);
            return new LoadReply(_factory.Name, _factory.CreateNetDmaDriver() is not null, null);
        }
        catch (DriverLoadException error)
        {
            return new LoadReply("", false, error.Message);
        }
    }

    [JsonRpcMethod(WorkerProtocol.Run)]
    public RunReply Run(IReadOnlyList<WireScript> scripts, string? faults, Concurrency.ScheduleOptions? schedules = null)
    {
        var factory = _factory ?? throw new InvalidOperationException("the kit asked the worker to run a script before loading a driver");
        var journal = Journal ?? throw new InvalidOperationException("the worker has no observation journal");
        if (schedules is not null && scripts.Count != 1)
        {
            throw new InvalidOperationException($"the kit sent {scripts.Count} scripts to explore under schedules; it sends one at a time");
        }

        var stream = new WorkerEventStream(journal);
        // The kit process parsed the fault spec too; its stable text form parses back to the same spec.
        var spec = faults is null ? null : Faults.FaultSpec.Parse(faults);
        Concurrency.ScheduleReport? report = null;
        foreach (var (source, file) in scripts)
        {
            stream.ScriptStarted();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            // The kit process parsed this text already; it parses the same way here.
            var script = ScriptParser.Parse(source, file);
            var (skipReason, evaluations) = schedules is null ? Run(script, factory, spec, stream) : Explore(script, factory, spec, schedules, stream, out report);
            stream.ScriptEnded(skipReason, evaluations, clock.Elapsed);
        }

        return new RunReply(report);
    }

    private static (string? SkipReason, IReadOnlyDictionary<string, int> Evaluations) Run(Script script, IDriverFactory factory, Faults.FaultSpec? spec, WorkerEventStream stream)
    {
        var execution = new ScriptExecution(script, factory, stream, spec);
        execution.Run();
        return (execution.SkipReason, execution.Log.Evaluations);
    }

    private static (string? SkipReason, IReadOnlyDictionary<string, int> Evaluations) Explore(Script script, IDriverFactory factory, Faults.FaultSpec? spec,
        Concurrency.ScheduleOptions schedules, WorkerEventStream stream, out Concurrency.ScheduleReport report)
    {
        // The in-process exploration, run here: each schedule's observations go to the journal (the kit starts a
        // new recorder per schedule) and to the schedule's own recorder here, whose verdict Coyote needs.
        var exploration = new ScheduledExecution(script, factory, spec, schedules);
        report = exploration.Run(recorder =>
        {
            stream.ScheduleStarted();
            return stream.With(recorder);
        });
        var result = exploration.Result(report);
        return (result.SkipReason, result.Evaluations);
    }
}
