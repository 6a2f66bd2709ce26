namespace NetDma.ConformanceKit.Tests.BrokenProviders.ProcessKilling;

/// <summary>
/// Throws on a thread of its own, started from ProviderAllocateDmaChannel: an unhandled exception on any thread ends
/// a .NET process. The handler waits for the thread, so the process dies while the handler runs.
/// </summary>
public sealed class ThreadCrashProvider : ProcessKillingProvider
{
    /// <summary>The exception message the runtime prints as the process dies.</summary>
    public const string Message = "completion thread lost its channel";

    protected override void Misbehave()
    {
        var thread = new Thread(() => throw new InvalidOperationException(Message)) { IsBackground = true };
        thread.Start();
        thread.Join();
    }
}
