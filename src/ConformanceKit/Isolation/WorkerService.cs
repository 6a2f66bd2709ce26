using NetDma.ConformanceKit.Running;
using NetDma.ConformanceKit.Scripting;
using StreamJsonRpc;

namespace NetDma.ConformanceKit.Isolation;

/// <summary>
/// The worker's RPC target: loads the provider assembly once, then runs each script it is sent against a fresh driver
/// instance, streaming every observation to the kit process (<see cref="WorkerEventStream"/>).
/// </summary>
internal sealed class WorkerService
{
    private IDriverFactory? _factory;

    /// <summary>The connection to the kit process; set before the first request arrives.</summary>
    public JsonRpc? Connection { get; set; }

    [JsonRpcMethod(WorkerProtocol.Load)]
    public LoadReply Load(DriverSource source)
    {
        try
        {
            _factory = DriverAssemblyLoader.Load(source.AssemblyPath, source.TypeName);
            return new LoadReply(_factory.Name, _factory.CreateNetDmaDriver() is not null, null);
        }
        catch (DriverLoadException error)
        {
            return new LoadReply("", false, error.Message);
        }
    }

    [JsonRpcMethod(WorkerProtocol.Run)]
    public RunReply Run(string source, string file, string? faults)
    {
        var factory = _factory ?? throw new InvalidOperationException("the kit asked the worker to run a script before loading a driver");
        var connection = Connection ?? throw new InvalidOperationException("the worker has no connection to the kit");

        // The kit process parsed this text already; it parses the same way here.
        var script = ScriptParser.Parse(source, file);
        // The kit process parsed the fault spec too; its stable text form parses back to the same spec.
        var execution = new ScriptExecution(script, factory, new WorkerEventStream(connection), faults is null ? null : Faults.FaultSpec.Parse(faults));
        execution.Run();
        return new RunReply(execution.SkipReason, new Dictionary<string, int>(execution.Log.Evaluations, StringComparer.Ordinal));
    }
}
