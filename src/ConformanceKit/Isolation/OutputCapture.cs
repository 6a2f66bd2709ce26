using System.Diagnostics;

namespace NetDma.ConformanceKit.Isolation;

/// <summary>
/// Drains one redirected output stream of a worker (so a provider that writes without end never blocks on a full
/// pipe) and keeps the first lines written since the current script started: where the runtime puts a dying
/// process's last words ("Stack overflow.", "Process terminated. ...", "Unhandled exception. ...").
/// </summary>
internal sealed class OutputCapture
{
    private const int KeptLines = 4;
    private const int KeptLineLength = 300;
    private readonly List<string> _lines = [];
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Attaches to <paramref name="process"/>'s standard error (or output) before it starts reading.</summary>
    public void Attach(Process process, bool standardError)
    {
        if (standardError)
        {
            process.ErrorDataReceived += (_, e) => Receive(e.Data);
        }
        else
        {
            process.OutputDataReceived += (_, e) => Receive(e.Data);
        }
    }

    /// <summary>Forgets what was kept: a new script starts.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _lines.Clear();
        }
    }

    /// <summary>Waits (at most <paramref name="timeout"/>) until the stream has been read to its end.</summary>
    public void WaitForEnd(TimeSpan timeout) => _closed.Task.Wait(timeout);

    /// <summary>The kept lines joined with " | ", or null when nothing was written.</summary>
    public string? Summary()
    {
        lock (_gate)
        {
            return _lines.Count == 0 ? null : string.Join(" | ", _lines);
        }
    }

    private void Receive(string? line)
    {
        if (line is null)
        {
            _closed.TrySetResult();
            return;
        }

        // Stack frames ("   at ...", and a stack overflow's "Repeated N times:" between rules of dashes) say where
        // the runtime was, not what went wrong: the message lines are kept.
        var text = line.Trim();
        if (text.Length == 0 || text.StartsWith("at ", StringComparison.Ordinal) || text.StartsWith("Repeated ", StringComparison.Ordinal) || text.Trim('-').Length == 0)
        {
            return;
        }

        lock (_gate)
        {
            if (_lines.Count < KeptLines)
            {
                _lines.Add(text.Length > KeptLineLength ? text[..KeptLineLength] + "..." : text);
            }
        }
    }
}
