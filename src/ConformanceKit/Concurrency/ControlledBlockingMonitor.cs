using Microsoft.Coyote.Logging;

namespace NetDma.ConformanceKit.Concurrency;

/// <summary>
/// Sees rewritten provider code block under Coyote: a <c>lock</c>/Monitor acquire, a wait for a held lock, a task
/// wait or a <c>Thread.Sleep</c> that Coyote controls. Coyote 1.7.11 has no public callback for these; the one place
/// it names them is its debug log, which it writes on the blocking thread itself, inside the call, before it switches
/// operations: "Operation {0} reached scheduling point '{1}' ..." with the point's kind (<c>Acquire</c> for a lock
/// taken, <c>Pause</c> for a wait on a held lock or a task, <c>Yield</c> for a sleep). This logger is installed
/// with debug verbosity only for rewritten providers, compares the format string by value (nothing is formatted) and
/// hands each such point to the running schedule's <see cref="ControlledScheduler.BlockingObserved"/>, which the
/// kernel turns into NDMA1002 when the processor is at DISPATCH_LEVEL or above. The kit's own waits (a parked
/// spin-lock acquire, an idle processor) are marked by <see cref="ControlledScheduler"/> and ignored.
/// </summary>
internal sealed class ControlledBlockingMonitor : ILogger
{
    // The format Coyote 1.7.11's CoyoteRuntime.ScheduleNextOperation logs at every scheduling point.
    private const string SchedulingPointFormat =
        "[coyote::debug] Operation {0} reached scheduling point '{1}' at execution step '{2}' on thread '{3}'.";

    /// <summary>The running schedule's scheduler; set by the explorer at the start of each schedule.</summary>
    public ControlledScheduler? Scheduler { get; set; }

    public void WriteLine(LogSeverity severity, string format, params object[] args)
    {
        if (severity == LogSeverity.Debug && args.Length == 4 && format == SchedulingPointFormat)
        {
            var kind = args[1]?.ToString();
            if (kind is "Acquire" or "Pause" or "Yield")
            {
                Scheduler?.OnCoyoteBlocking(kind);
            }
        }
    }

    public void Write(string value)
    {
    }

    public void Write(string format, object arg0)
    {
    }

    public void Write(string format, object arg0, object arg1)
    {
    }

    public void Write(string format, object arg0, object arg1, object arg2)
    {
    }

    public void Write(string format, params object[] args)
    {
    }

    public void Write(LogSeverity severity, string value)
    {
    }

    public void Write(LogSeverity severity, string format, object arg0)
    {
    }

    public void Write(LogSeverity severity, string format, object arg0, object arg1)
    {
    }

    public void Write(LogSeverity severity, string format, object arg0, object arg1, object arg2)
    {
    }

    public void Write(LogSeverity severity, string format, params object[] args)
    {
    }

    public void WriteLine(string value)
    {
    }

    public void WriteLine(string format, object arg0)
    {
    }

    public void WriteLine(string format, object arg0, object arg1)
    {
    }

    public void WriteLine(string format, object arg0, object arg1, object arg2)
    {
    }

    public void WriteLine(string format, params object[] args)
    {
    }

    public void WriteLine(LogSeverity severity, string value)
    {
    }

    public void WriteLine(LogSeverity severity, string format, object arg0)
    {
    }

    public void WriteLine(LogSeverity severity, string format, object arg0, object arg1)
    {
    }

    public void WriteLine(LogSeverity severity, string format, object arg0, object arg1, object arg2)
    {
    }

    public void Dispose()
    {
    }
}
