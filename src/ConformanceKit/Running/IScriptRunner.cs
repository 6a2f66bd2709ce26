using NetDma.ConformanceKit.Scripting;

namespace NetDma.ConformanceKit.Running;

/// <summary>
/// Runs parsed scripts against a fresh instance of the driver under test, each under a watchdog, and never lets the
/// driver's misbehaviour escape as an exception: a crash, a hang or a broken rule is a failed <see cref="ScriptResult"/>.
/// Two implementations: <see cref="InProcessScriptRunner"/> (the driver in this process; for debugging) and
/// <see cref="Isolation.WorkerScriptRunner"/> (the driver in a worker process that may die without taking the run down).
/// </summary>
public interface IScriptRunner : IDisposable
{
    /// <summary>Display name of the driver under test, e.g. its type's full name.</summary>
    string DriverName { get; }

    /// <summary>True when the driver under test offers a NetDMA provider (INetDmaProviderDriver).</summary>
    bool HasNetDmaDriver { get; }

    /// <summary>Runs one script against a new driver instance and returns what happened.</summary>
    /// <param name="script">The script; an isolated runner sends its <see cref="Script.Source"/> to the worker.</param>
    ScriptResult Run(Script script);

    /// <summary>
    /// Runs scripts one after another, each as <see cref="Run"/> would, until one fails: returns their results in
    /// order, up to and including the first <see cref="ScriptOutcome.Failed"/> one (all of them when none fails). A
    /// runner may hand them over together (<see cref="Isolation.WorkerScriptRunner"/>: one request to its worker),
    /// which is what makes many short scripts (exploration's cases) cheap; the results are those of running them one
    /// by one and stopping at the first failure, so a provider that hangs or kills its process costs one watchdog
    /// period or one worker, not one per script left.
    /// </summary>
    /// <param name="scripts">The scripts, in run order.</param>
    IReadOnlyList<ScriptResult> RunUntilFailure(IReadOnlyList<Script> scripts)
    {
        ArgumentNullException.ThrowIfNull(scripts);
        var results = new List<ScriptResult>(scripts.Count);
        foreach (var script in scripts)
        {
            results.Add(Run(script));
            if (results[^1].Outcome == ScriptOutcome.Failed)
            {
                break;
            }
        }

        return results;
    }
}
