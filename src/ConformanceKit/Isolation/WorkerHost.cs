using System.IO.Pipelines;
using System.IO.Pipes;
using StreamJsonRpc;

namespace NetDma.ConformanceKit.Isolation;

/// <summary>
/// The entry point of the worker process (<c>netdma-kit-worker</c>), which the kit starts with
/// <c>--pipe &lt;name&gt; --journal &lt;path&gt;</c>: it maps the kit's observation journal
/// (<see cref="ObservationJournal"/>), connects to the kit's named pipe, serves <see cref="WorkerProtocol"/> requests until the
/// kit disconnects, and exits. The provider under test is loaded here, so whatever it does to this process (FailFast,
/// a stack overflow, Environment.Exit, an unhandled exception on a thread of its own, exhausted memory) ends only this
/// process; the kit reports it and starts another worker.
/// </summary>
public static class WorkerHost
{
    /// <summary>The option that names the kit's pipe.</summary>
    public const string PipeOption = "--pipe";

    /// <summary>The option that names the observation journal's file, which the kit created.</summary>
    internal const string JournalOption = "--journal";

    /// <summary>How long the worker waits for the kit's pipe before giving up.</summary>
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Runs the worker; returns its exit code (0 after the kit disconnected, 2 on a bad command line).</summary>
    /// <param name="args"><c>--pipe &lt;name&gt; --journal &lt;path&gt;</c>.</param>
    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length != 4 || args[0] != PipeOption || args[2] != JournalOption)
        {
            await Console.Error.WriteLineAsync($"usage: netdma-kit-worker {PipeOption} <name> {JournalOption} <path>  (the worker is started by netdma-kit, not by hand)");
            return 2;
        }

        using var journal = ObservationJournal.Open(args[3]);
        await using var pipe = new NamedPipeClientStream(".", args[1], PipeDirection.InOut, System.IO.Pipes.PipeOptions.Asynchronous);
        await pipe.ConnectAsync((int)ConnectTimeout.TotalMilliseconds);
        var service = new WorkerService();
        // System.IO.Pipelines' stream writer, not the handler's stream constructor: that one copies to the pipe on a
        // background task, so a flushed message could still be in memory when the provider ends the process
        // (Environment.Exit); this writer's flush returns once the bytes are in the operating system's pipe.
        var writer = PipeWriter.Create(pipe, new StreamPipeWriterOptions(leaveOpen: true));
        var reader = PipeReader.Create(pipe, new StreamPipeReaderOptions(leaveOpen: true));
        using var rpc = new JsonRpc(new HeaderDelimitedMessageHandler(writer, reader, new SystemTextJsonFormatter()));
        rpc.AddLocalRpcTarget(service);
        service.Journal = new WorkerJournalWriter(journal, oversized => Request(rpc, WorkerProtocol.JournalFull, oversized));
        rpc.StartListening();
        try
        {
            await rpc.Completion;
        }
        catch (Exception e) when (e is ConnectionLostException or IOException or ObjectDisposedException)
        {
            // The kit went away: nothing is left to serve.
        }

        return 0;
    }

    /// <summary>
    /// Sends a request to the kit and waits for its answer. Under schedules the caller is a Coyote controlled
    /// operation, whose thread has Coyote's synchronization context: the connection's continuations are kept off it
    /// (on the thread pool), so the kit's I/O is never work Coyote's scheduler is handed, and the wait cannot deadlock
    /// on the operation that waits.
    /// </summary>
    private static void Request(JsonRpc rpc, string method, params object?[] arguments)
    {
        var context = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            rpc.InvokeAsync(method, arguments).GetAwaiter().GetResult();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(context);
        }
    }
}
