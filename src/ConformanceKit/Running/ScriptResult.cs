using NetDma.ConformanceKit.Diagnostics;

namespace NetDma.ConformanceKit.Running;

/// <summary>The result of running one script against one provider.</summary>
/// <param name="File">The script file (as given).</param>
/// <param name="Name">The script name (file name without extension).</param>
/// <param name="Title">The script's title line, if any.</param>
/// <param name="Outcome">Passed, failed or skipped.</param>
/// <param name="Checks">Every assertion and failure, in script order.</param>
/// <param name="Violations">Every violation the run recorded, expected or not.</param>
/// <param name="SkipReason">Why the script was skipped, when it was.</param>
public sealed record ScriptResult(
    string File, string Name, string? Title, ScriptOutcome Outcome, IReadOnlyList<CheckResult> Checks,
    IReadOnlyList<Violation> Violations, string? SkipReason)
{
    /// <summary>How long the script ran (wall clock, including the driver's time; zero for a script that did not parse).</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>Every fault the kit injected while the script ran (<c>--faults</c> or its <c>fault</c> commands), in order.</summary>
    public IReadOnlyList<Faults.InjectedFault> Faults { get; init; } = [];

    /// <summary>The driver kind the script runs (<c>netdma</c> or <c>wdm</c>, its <c>driver</c> command).</summary>
    public string DriverKind { get; init; } = Scripting.DriverCommand.NetDma;

    /// <summary>
    /// How many times each rule's run-time check judged an observation while the script ran (rule ID to count,
    /// violations included; <see cref="ViolationLog.Evaluations"/>). Empty for a script that did not parse, hung or
    /// crashed its worker: what it had judged by then is not known.
    /// </summary>
    public IReadOnlyDictionary<string, int> Evaluations { get; init; } = new Dictionary<string, int>();

    /// <summary>
    /// Under schedule exploration (<c>run --schedules N</c>): the schedules run and, when one failed, its number and
    /// Coyote trace (this result is that schedule's run); null in sequential mode.
    /// </summary>
    public Concurrency.ScheduleReport? Schedules { get; init; }

    /// <summary>The result of a script that does not parse: one failed check at the error's file:line:column.</summary>
    /// <param name="file">The script's display name.</param>
    /// <param name="error">The parse error.</param>
    public static ScriptResult NotParsed(string file, Scripting.ScriptParseException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new ScriptResult(file, System.IO.Path.GetFileNameWithoutExtension(file), null, ScriptOutcome.Failed,
            [new CheckResult(error.Location, ScriptExecutionSteps.ParseError, false, [], error.Description)], [], null);
    }

    /// <summary>The failed checks.</summary>
    public IEnumerable<CheckResult> Failures => Checks.Where(c => !c.Passed);

    /// <summary>Every rule ID the script's checks concern, sorted.</summary>
    public IReadOnlyList<string> RuleIds => [.. Checks.SelectMany(c => c.RuleIds).Distinct().Order(StringComparer.Ordinal)];
}
