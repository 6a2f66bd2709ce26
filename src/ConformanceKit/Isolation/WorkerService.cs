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
    public RunReply Run(string source, string file, string? faults, Concurrency.ScheduleOptions? schedules = null)
    {
        var factory = _factory ?? throw new InvalidOperationException("the kit asked the worker to run a script before loading a driver");
        var journal = Journal ?? throw new InvalidOperationException("the worker has no observation journal");
        var stream = new WorkerEventStream(journal);

        // The kit process parsed this text already; it parses the same way here.
        var script = ScriptParser.Parse(source, file);
        // The kit process parsed the fault spec too; its stable text form parses back to the same spec.
        var spec = faults is null ? null : Faults.FaultSpec.Parse(faults);
        if (schedules is not null)
        {
            // The in-process exploration, run here: each schedule's observations go to the journal (the kit starts a
            // new recorder per schedule) and to the schedule's own recorder here, whose verdict Coyote needs.
            var exploration = new ScheduledExecution(script, factory, spec, schedules);
            var report = exploration.Run(recorder =>
            {
                stream.ScheduleStarted();
                return stream.With(recorder);
            });
            var result = exploration.Result(report);
            return new RunReply(result.SkipReason, result.Evaluations, report);
        }

        var execution = new ScriptExecution(script, factory, stream, spec);
        execution.Run();
        return new RunReply(execution.SkipReason, new Dictionary<string, int>(execution.Log.Evaluations, StringComparer.Ordinal));
    }
}
