using NetDma.ConformanceKit.Rules;
using NetDma.ConformanceKit.Scripting;

namespace NetDma.ConformanceKit.Running;

/// <summary>
/// Runs scripts against a driver factory, each on its own thread under a watchdog: a driver routine that never
/// returns (a deadlock, an infinite wait) is reported as NDMA2003 with the call sequence that led there, the script
/// fails, and the run goes on with the next script.
/// </summary>
/// <param name="factory">Creates a fresh driver per script.</param>
/// <param name="watchdog">How long one script may run before it is declared hung.</param>
public sealed class ScriptRunner(IDriverFactory factory, TimeSpan watchdog)
{
    /// <summary>The default watchdog: far above any correct script's run time.</summary>
    public static TimeSpan DefaultWatchdog { get; } = TimeSpan.FromSeconds(20);

    /// <summary>Runs one parsed script.</summary>
    public ScriptResult Run(Script script)
    {
        var execution = new ScriptExecution(script, factory);
        var thread = new Thread(execution.Run) { IsBackground = true, Name = $"script {Path.GetFileName(script.File)}" };
        thread.Start();
        var name = Path.GetFileNameWithoutExtension(script.File);
        if (!thread.Join(watchdog))
        {
            // The thread cannot be stopped safely; it is abandoned (a background thread) and the run goes on.
            var routine = execution.Log.Trace.LastCall?.Trim() ?? "a driver routine";
            var hang = new Diagnostics.Violation(StatusRules.CallbackTerminates, $"the routine returns within {watchdog.TotalSeconds:0} s",
                $"no return from: {routine}", StatusRules.CallbackTerminates.Page, execution.Log.Trace.Tail());
            var check = new CheckResult(script.Commands.LastOrDefault()?.Location ?? new SourceLocation(script.File, 1, 1),
                ScriptExecutionSteps.DriverHung, false, [hang.Rule.Id], hang.Message + Environment.NewLine + string.Join(Environment.NewLine, hang.CallSequence.Select(c => "    " + c)));
            return new ScriptResult(script.File, name, script.Title, ScriptOutcome.Failed, [check], [hang], null);
        }

        var checks = execution.Checks;
        var outcome = execution.SkipReason is not null ? ScriptOutcome.Skipped
            : checks.All(c => c.Passed) ? ScriptOutcome.Passed
            : ScriptOutcome.Failed;
        return new ScriptResult(script.File, name, script.Title, outcome, checks, execution.Log.All, execution.SkipReason);
    }
}
