using NetDma.ConformanceKit.Exploration;
using NetDma.ConformanceKit.Rules;
using NetDma.ConformanceKit.Running;
using NetDma.ConformanceKit.Scripting;

namespace NetDma.ConformanceKit.Verification;

/// <summary>
/// A provider verified the way a TCK verifies an implementation: every conformance script and a number of generated
/// sequences are run once against the provider as it declares itself (<see cref="ProviderProfile"/>), and each rule of
/// the catalog, each script and the generated sequences get a <see cref="Verdict"/>: passed, failed with the rule, page,
/// script line and call sequence, or skipped with the reason (a capability the provider does not declare, a driver kind
/// it is not, a rule checked only at compile time, a rule whose check judged nothing in these scripts). A rule passes
/// when its run-time check judged at least one observation and found no violation: evidence from these call sequences,
/// not a proof for all of them.
/// </summary>
public sealed class ProviderVerification
{
    /// <summary>The name of the generated-sequences verdict.</summary>
    public const string GeneratedSequencesName = "generated sequences";

    private readonly ProviderProfile _profile;
    private readonly List<(Verdict Verdict, ScriptResult? Result, Script? Script)> _scripts;
    private readonly ExplorationResult? _exploration;

    private ProviderVerification(ProviderProfile profile, List<(Verdict, ScriptResult?, Script?)> scripts, ExplorationResult? exploration, Verdict generated)
    {
        _profile = profile;
        _scripts = scripts;
        _exploration = exploration;
        GeneratedSequences = generated;
    }

    /// <summary>One verdict per conformance script, in run order.</summary>
    public IReadOnlyList<Verdict> Scripts => [.. _scripts.Select(s => s.Verdict)];

    /// <summary>The verdict on the generated sequences.</summary>
    public Verdict GeneratedSequences { get; }

    /// <summary>One verdict per rule of the catalog, in ID order.</summary>
    public IReadOnlyList<Verdict> Rules => [.. RuleCatalog.All.Select(r => Rule(r.Id))];

    /// <summary>Runs the scripts and the generated sequences; never throws for a misbehaving provider.</summary>
    /// <param name="runner">Runs each script against a fresh provider (in a worker or in this process); it must offer a NetDMA provider.</param>
    /// <param name="profile">What the provider declares about itself.</param>
    /// <param name="options">Which scripts, how many generated sequences, which seed.</param>
    /// <exception cref="DriverUnavailableException">The runner's driver has no NetDMA provider.</exception>
    /// <exception cref="FileNotFoundException">No scripts at <see cref="VerificationOptions.ScriptsPath"/>.</exception>
    public static ProviderVerification Run(IScriptRunner runner, ProviderProfile profile, VerificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(options);
        if (!runner.HasNetDmaDriver)
        {
            throw new DriverUnavailableException($"{runner.DriverName} has no NetDMA provider driver (INetDmaProviderDriver) to verify");
        }

        var scripts = ConformanceRun.FindScripts(options.ScriptsPath).Select(file => RunScript(runner, profile, file)).ToList();
        ExplorationResult? exploration = null;
        Verdict generated;
        if (options.GeneratedSequences == 0)
        {
            generated = new Verdict(GeneratedSequencesName, VerdictOutcome.Skipped, "no generated sequences configured (VerificationOptions.GeneratedSequences = 0)");
        }
        else
        {
            exploration = Explorer.Explore(runner, options.Exploration(profile));
            generated = exploration.Failure is { } failure
                ? new Verdict(GeneratedSequencesName, VerdictOutcome.Failed,
                    $"generated sequence {failure.Seed} failed (shrunk from {failure.FirstFailingSeed}; reproduce with netdma-kit explore --seed {failure.Seed}):" +
                    Environment.NewLine + Describe(failure.Result.Failures) + Environment.NewLine + "minimal failing script:" + Environment.NewLine + failure.Script)
                : new Verdict(GeneratedSequencesName, VerdictOutcome.Passed,
                    $"{exploration.CasesPassed} of {exploration.CasesRun} generated sequences passed ({exploration.CasesSkipped} skipped) from seed {exploration.FirstSeed}");
        }

        return new ProviderVerification(profile, scripts, exploration, generated);
    }

    /// <summary>The verdict on rule <paramref name="id"/>.</summary>
    /// <exception cref="KeyNotFoundException">No rule has that ID.</exception>
    public Verdict Rule(string id)
    {
        var rule = RuleCatalog.Get(id);
        if (rule.Enforcement == RuleEnforcement.CompileTime)
        {
            return new Verdict(id, VerdictOutcome.Skipped, $"{id} is checked at compile time by the NDMA analyzers (they come with the NetDma.Contracts package), not at run time");
        }

        if (AdapterRules.All.Contains(rule) && !_scripts.Any(s => s.Script?.DriverKind == DriverCommand.Wdm && s.Verdict.Outcome != VerdictOutcome.Skipped))
        {
            return new Verdict(id, VerdictOutcome.Skipped, $"{id} applies to WDM DMA drivers (IWdmDmaDriver); no WDM script ran against this provider");
        }

        if (rule == LifecycleRules.SuspendHalts && !_profile.OptionalHandlers.SuspendResume)
        {
            return new Verdict(id, VerdictOutcome.Skipped, $"{id} concerns ProviderSuspendDma, which the provider declares it does not register");
        }

        if (rule == LifecycleRules.AbortResetForget && !_profile.OptionalHandlers.Abort && !_profile.OptionalHandlers.Reset)
        {
            return new Verdict(id, VerdictOutcome.Skipped, $"{id} concerns ProviderAbortDma and ProviderResetChannel, which the provider declares it does not register");
        }

        // Every check that names the rule and did not hold, including SHOULD-level warnings: this is the rule's own test.
        var broken = _scripts.Where(s => s.Result is not null).SelectMany(s => s.Result!.Checks)
            .Concat(_exploration?.Failure?.Result.Checks ?? [])
            .Where(c => c.RuleIds.Contains(id) && (!c.Passed || c.Step == ScriptExecutionSteps.Warning))
            .ToList();
        if (broken.Count > 0)
        {
            return new Verdict(id, VerdictOutcome.Failed, $"{rule}" + Environment.NewLine + Describe(broken));
        }

        // A rule passes only when its check looked: a check that judged nothing verifies nothing.
        var judgedIn = _scripts.Where(s => s.Result is not null && s.Result.Evaluations.GetValueOrDefault(id) > 0).ToList();
        if (judgedIn.Count == 0)
        {
            return new Verdict(id, VerdictOutcome.Skipped,
                $"{id}'s run-time check judged no observation in the scripts that ran for this profile: nothing exercised it, so there is no verdict (see docs/rules/{id}.md for what it observes)");
        }

        var judged = judgedIn.Sum(s => s.Result!.Evaluations[id]);
        return new Verdict(id, VerdictOutcome.Passed,
            $"{id} judged {judged} observation(s) in {judgedIn.Count} script(s), none a violation" +
            (_exploration is null ? "" : $"; no violation in {_exploration.CasesRun} generated sequence(s)"));
    }

    private static (Verdict, ScriptResult?, Script?) RunScript(IScriptRunner runner, ProviderProfile profile, ScriptFile file)
    {
        Script script;
        try
        {
            script = ScriptParser.Parse(File.ReadAllText(file.Path), file.DisplayName);
        }
        catch (ScriptParseException error)
        {
            var failed = ScriptResult.NotParsed(file.DisplayName, error);
            return (new Verdict(file.DisplayName, VerdictOutcome.Failed, Describe(failed.Failures)), failed, null);
        }

        if (Excluded(script, profile) is { } reason)
        {
            return (new Verdict(file.DisplayName, VerdictOutcome.Skipped, reason), null, script);
        }

        var result = runner.Run(script);
        var verdict = result.Outcome switch
        {
            ScriptOutcome.Passed => new Verdict(file.DisplayName, VerdictOutcome.Passed, $"{result.Checks.Count} check(s) held"),
            ScriptOutcome.Failed => new Verdict(file.DisplayName, VerdictOutcome.Failed, Describe(result.Failures)),

            // A WDM script against a NetDMA-only driver does not apply; a missing handler the profile declares is a failure.
            _ when script.DriverKind == DriverCommand.Wdm => new Verdict(file.DisplayName, VerdictOutcome.Skipped, result.SkipReason ?? "no WDM DMA driver"),
            _ => new Verdict(file.DisplayName, VerdictOutcome.Failed,
                $"the provider's declared profile says it has what this script needs, but the run was skipped: {result.SkipReason}"),
        };
        return (verdict, result, script);
    }

    /// <summary>Why the declared profile excludes <paramref name="script"/>, or null when it applies.</summary>
    private static string? Excluded(Script script, ProviderProfile profile)
    {
        var platform = script.Platform;
        var msix = platform?.MsiX ?? PlatformCommand.DefaultMsiX;
        var major = platform?.NetDmaMajor ?? PlatformCommand.DefaultNetDmaMajor;
        if (msix && !profile.MsiX)
        {
            return "the script's platform grants MSI-X messages; the provider declares no MSI-X support";
        }

        if (!msix && !profile.LineBasedInterrupts)
        {
            return "the script's platform has a line-based interrupt; the provider declares MSI-X only";
        }

        if (major == 1 && !profile.NetDma1x)
        {
            return "the script runs NetDMA 1.x; the provider declares it does not serve NetDMA 1.x";
        }

        if (major >= 2 && !profile.NetDma20)
        {
            return "the script runs NetDMA 2.0; the provider declares it does not serve NetDMA 2.0";
        }

        var handlers = profile.OptionalHandlers;
        return script.Commands switch
        {
            var c when !handlers.SuspendResume && c.Any(x => x is SuspendDmaCommand or ResumeDmaCommand) =>
                "the script suspends and resumes a channel; the provider declares no ProviderSuspendDma/ProviderResumeDma",
            var c when !handlers.Abort && c.Any(x => x is AbortDmaCommand) => "the script aborts a channel; the provider declares no ProviderAbortDma",
            var c when !handlers.Reset && c.Any(x => x is ResetChannelCommand) => "the script resets a channel; the provider declares no ProviderResetChannel",
            _ => null,
        };
    }

    private static string Describe(IEnumerable<CheckResult> checks) =>
        string.Join(Environment.NewLine, checks.Select(c => $"{c.Location} {c.Step}: {c.Message}"));
}
