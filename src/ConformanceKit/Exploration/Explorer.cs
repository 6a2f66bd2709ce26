using CsCheck;
using NetDma.ConformanceKit.Running;
using NetDma.ConformanceKit.Scripting;

namespace NetDma.ConformanceKit.Exploration;

/// <summary>
/// Runs generated NetDMA call sequences against a provider ("exploration" beyond the bundled scripts) and, when one
/// fails, shrinks it to the smallest failing sequence it can find and hands it back as a script to save and replay.
/// </summary>
/// <remarks>
/// <para>
/// Cases are CsCheck samples of <see cref="ExplorationGenerators.Case"/>, rendered by <see cref="NetDmaSequenceModel"/>,
/// parsed with <see cref="ScriptParser"/> and run by an <see cref="IScriptRunner"/> against a fresh driver each (in a
/// worker process by default, so a case that kills its process is shrunk like any other: each candidate runs in a
/// live worker, restarted after every death). A case
/// passes when its <see cref="ScriptResult"/> is <see cref="ScriptOutcome.Passed"/>.
/// </para>
/// <para>
/// Everything is deterministic for a given first seed: case i is generated from the PCG with the first seed's stream
/// plus i and the same seed value, and shrinking draws its candidates from a PCG derived from the failing case's seed.
/// Shrinking uses CsCheck's generation and Size order: further candidates are drawn with CsCheck generators from a PCG
/// derived from the failing seed, and a candidate is run when its script has fewer commands than the current minimum,
/// or as many and a smaller <see cref="Size"/> (<see cref="Size.IsLessThan"/>). It replaces the minimum when it fails
/// with at least one of the rule IDs (or, for checks without one, the same assertion keyword) of the first failure,
/// so the minimal script shows the same bug. A case whose driver hung (NDMA2003) is not shrunk: each hanging candidate
/// would cost a whole watchdog period. The minimal case is finally replayed with <c>Check.Sample</c> from its
/// seed string, which confirms that the seed reproduces it and yields CsCheck's own report.
/// (<c>Check.Sample</c> alone cannot shrink deterministically: after the seeded first iteration it draws from a
/// timer-seeded thread PCG.)
/// </para>
/// </remarks>
public static class Explorer
{
    /// <summary>
    /// How many cases a lane hands its runner at once (<see cref="IScriptRunner.RunUntilFailure"/>): a worker process
    /// gets them in one request instead of one round trip per case. Results are committed per case in case order, and
    /// a batch ends at its first failing case, where the commit stops the run: the results are the same for every
    /// batch size and lane count.
    /// </summary>
    private const int CasesPerBatch = 32;

    /// <summary>
    /// Explores: probes the optional handlers (unless <see cref="ExplorationOptions.Capabilities"/> is set), runs up to
    /// <see cref="ExplorationOptions.Iterations"/> cases, stops at the first failure and shrinks it. Never throws for a
    /// failing case: the failure is in <see cref="ExplorationResult.Failure"/>.
    /// </summary>
    /// <param name="factory">Creates a fresh driver per case, in this process; it must offer a NetDMA provider.</param>
    /// <param name="options">Iterations, seed, channel count, shrink budget, watchdog, progress callback.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option outside its documented range.</exception>
    /// <exception cref="FormatException"><see cref="ExplorationOptions.Seed"/> is not a CsCheck seed.</exception>
    /// <exception cref="DriverUnavailableException">The factory has no NetDMA provider driver.</exception>
    public static ExplorationResult Explore(IDriverFactory factory, ExplorationOptions options)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(options);
        return Explore(() => new InProcessScriptRunner(factory, options.Watchdog, schedules: options.Schedules), options);
    }

    /// <summary>
    /// <see cref="Explore(IDriverFactory, ExplorationOptions)"/> on <see cref="ExplorationOptions.Parallelism"/> lanes,
    /// each with a runner from <paramref name="createRunner"/> (a worker process each, or this process); the first
    /// runner probes the provider and shrinks the failure. Every runner made is disposed before this returns.
    /// </summary>
    /// <param name="createRunner">Makes one lane's runner; every runner must run the same driver.</param>
    /// <param name="options">Iterations, seed, parallelism, shard, channel count, shrink budget, progress callback.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option outside its documented range.</exception>
    /// <exception cref="FormatException"><see cref="ExplorationOptions.Seed"/> is not a CsCheck seed.</exception>
    /// <exception cref="DriverUnavailableException">The driver has no NetDMA provider.</exception>
    public static ExplorationResult Explore(Func<IScriptRunner> createRunner, ExplorationOptions options)
    {
        ArgumentNullException.ThrowIfNull(createRunner);
        Validate(options);
        using var lanes = new CaseLanes(createRunner, options.Parallelism);
        return ExploreNetDma(lanes, options);
    }

    /// <summary>
    /// <see cref="ExploreWdm(IScriptRunner, ExplorationOptions)"/> on <see cref="ExplorationOptions.Parallelism"/>
    /// lanes, each with a runner from <paramref name="createRunner"/>; the first runner shrinks the failure. Every
    /// runner made is disposed before this returns.
    /// </summary>
    /// <param name="createRunner">Makes one lane's runner; every runner must run the same driver.</param>
    /// <param name="options">Iterations, seed, parallelism, shard, step bound, shrink budget, progress callback.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option outside its documented range.</exception>
    /// <exception cref="FormatException"><see cref="ExplorationOptions.Seed"/> is not a CsCheck seed.</exception>
    /// <exception cref="DriverUnavailableException">The driver has no WDM DMA driver (the first case was skipped for it).</exception>
    public static ExplorationResult ExploreWdm(Func<IScriptRunner> createRunner, ExplorationOptions options)
    {
        ArgumentNullException.ThrowIfNull(createRunner);
        Validate(options);
        using var lanes = new CaseLanes(createRunner, options.Parallelism);
        return ExploreWdm(lanes, options);
    }

    /// <summary>
    /// <see cref="Explore(IDriverFactory, ExplorationOptions)"/> with the cases run by <paramref name="runner"/> (in this
    /// process or in a worker); <see cref="ExplorationOptions.Watchdog"/> is then the runner's own.
    /// </summary>
    /// <param name="runner">Runs each case against a fresh driver; its driver must offer a NetDMA provider.</param>
    /// <param name="options">Iterations, seed, channel count, shrink budget, progress callback.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option outside its documented range.</exception>
    /// <exception cref="FormatException"><see cref="ExplorationOptions.Seed"/> is not a CsCheck seed.</exception>
    /// <exception cref="DriverUnavailableException">The driver has no NetDMA provider.</exception>
    /// <exception cref="ArgumentException"><see cref="ExplorationOptions.Parallelism"/> is above 1: one runner makes one lane.</exception>
    public static ExplorationResult Explore(IScriptRunner runner, ExplorationOptions options)
    {
        ArgumentNullException.ThrowIfNull(runner);
        Validate(options);
        RequireOneLane(options);
        using var lanes = new CaseLanes(runner);
        return ExploreNetDma(lanes, options);
    }

    private static ExplorationResult ExploreNetDma(CaseLanes lanes, ExplorationOptions options)
    {
        var runner = lanes.Primary;
        var firstSeed = options.Seed is { } seed ? ParseSeed(seed).ToString() : RandomSeed();
        if (!runner.HasNetDmaDriver)
        {
            throw new DriverUnavailableException($"{runner.DriverName} has no NetDMA provider driver (INetDmaProviderDriver); there is nothing to explore");
        }

        var capabilities = options.Capabilities ?? CapabilityProbe.Probe(runner);
        var channels = options.ChannelCount;
        return ExploreCases(lanes, options, firstSeed, capabilities, ExplorationGenerators.Case(options, capabilities),
            (@case, seed) => NetDmaSequenceModel.Render(@case, channels, Title(seed)), noDriverCase: null);
    }

    /// <summary>
    /// Explores a WDM DMA driver (<c>IWdmDmaDriver</c>): generated transfer IRPs, hardware runs and stop/start requests
    /// on generated platforms (processors, GetDmaAlignment), rendered by <see cref="WdmSequenceModel"/>, each checked by
    /// every run-time rule of the kit; a failure is shrunk as for NetDMA. <see cref="ExplorationOptions.ChannelCount"/>,
    /// <see cref="ExplorationOptions.Capabilities"/> and <see cref="ExplorationOptions.Platforms"/> do not apply.
    /// </summary>
    /// <param name="runner">Runs each case against a fresh driver; its driver must offer a WDM DMA driver.</param>
    /// <param name="options">Iterations, seed, step bound, shrink budget, progress callback.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option outside its documented range.</exception>
    /// <exception cref="FormatException"><see cref="ExplorationOptions.Seed"/> is not a CsCheck seed.</exception>
    /// <exception cref="DriverUnavailableException">The driver has no WDM DMA driver (the first case was skipped for it).</exception>
    /// <exception cref="ArgumentException"><see cref="ExplorationOptions.Parallelism"/> is above 1: one runner makes one lane.</exception>
    public static ExplorationResult ExploreWdm(IScriptRunner runner, ExplorationOptions options)
    {
        ArgumentNullException.ThrowIfNull(runner);
        Validate(options);
        RequireOneLane(options);
        using var lanes = new CaseLanes(runner);
        return ExploreWdm(lanes, options);
    }

    private static ExplorationResult ExploreWdm(CaseLanes lanes, ExplorationOptions options)
    {
        var runner = lanes.Primary;
        var firstSeed = options.Seed is { } seed ? ParseSeed(seed).ToString() : RandomSeed();
        return ExploreCases(lanes, options, firstSeed, ProviderCapabilities.None, WdmExplorationGenerators.Case(options),
            (@case, caseSeed) => WdmSequenceModel.Render(@case, Title(caseSeed)),
            noDriverCase: $"{runner.DriverName} has no WDM DMA driver (IWdmDmaDriver); there is nothing to explore");
    }

    /// <summary>
    /// The WDM case <paramref name="seed"/> generates, as a script, without running it (what <c>explore --seed</c> runs
    /// first against a WDM driver).
    /// </summary>
    /// <param name="seed">A CsCheck seed string.</param>
    /// <param name="options">The step bound.</param>
    /// <exception cref="FormatException">The seed is not a CsCheck seed.</exception>
    public static string WdmScriptFor(string seed, ExplorationOptions options)
    {
        ArgumentNullException.ThrowIfNull(seed);
        Validate(options);
        var pcg = ParseSeed(seed);
        var canonical = pcg.ToString();
        return WdmSequenceModel.Render(WdmExplorationGenerators.Case(options).Generate(pcg, null!, out _), Title(canonical));
    }

    private static ExplorationResult ExploreCases<T>(CaseLanes lanes, ExplorationOptions options, string firstSeed,
        ProviderCapabilities capabilities, Gen<T> gen, Func<T, string, string> render, string? noDriverCase)
    {
        var runner = lanes.Primary;
        var first = PCG.Parse(firstSeed);
        var shard = options.Shard ?? ExplorationShard.Whole;
        var (start, end) = shard.Range(options.Iterations);
        int passed = 0, skipped = 0, run = 0;
        var evaluations = new Dictionary<string, int>(StringComparer.Ordinal);
        (string Seed, ScriptResult Result)? failing = null;

        // Each case's seed comes from the first seed and its index alone, so the lanes need no shared random stream
        // and a shard regenerates exactly the unsharded run's cases.
        lanes.Run<(string Seed, ScriptResult Result, int Commands)>(start, end, CasesPerBatch,
            (laneRunner, from, count) =>
            {
                var seeds = new string[count];
                var texts = new string[count];
                for (var c = 0; c < count; c++)
                {
                    var i = from + c;
                    seeds[c] = i == 0 ? firstSeed : new PCG(unchecked(first.Stream + (uint)i), first.Seed).ToString();
                    texts[c] = RenderSeed(seeds[c], gen, render, out _);
                }

                return [.. RunTexts(laneRunner, texts, seeds).Select((done, c) => (Seed: seeds[c], done.Result, done.Commands))];
            },
            (i, done) =>
            {
                run++;
                options.Progress?.Invoke(new ExplorationProgress(ExplorationPhase.Exploring, i, done.Seed, done.Result.Outcome, done.Commands));
                switch (done.Result.Outcome)
                {
                    case ScriptOutcome.Passed:
                        passed++;
                        Add(evaluations, done.Result.Evaluations);
                        return true;
                    case ScriptOutcome.Skipped when i == start && noDriverCase is not null:
                        // Every WDM case needs the WDM driver: the first one skipped means the runner has none.
                        throw new DriverUnavailableException(noDriverCase);
                    case ScriptOutcome.Skipped:
                        skipped++;
                        Add(evaluations, done.Result.Evaluations);
                        return true;
                    default:
                        failing = (done.Seed, done.Result);
                        return false;
                }
            });

        var result = new ExplorationResult(runner.DriverName, firstSeed, capabilities, run, passed, skipped, 0, null)
        {
            Shard = shard,
            FirstCase = start,
            Iterations = options.Iterations,
            Evaluations = evaluations,
        };
        if (failing is not { } found)
        {
            return result;
        }

        // Chosen in case order once every lane has stopped: shrinking runs alone, on the first lane's runner.
        var (failure, shrinkRuns) = Shrink(runner, gen, render, found.Seed, found.Result, options);
        return result with { ShrinkRuns = shrinkRuns, Failure = failure };
    }

    private static void Add(Dictionary<string, int> total, IReadOnlyDictionary<string, int> counts)
    {
        foreach (var (rule, count) in counts)
        {
            total[rule] = total.GetValueOrDefault(rule) + count;
        }
    }

    private static void RequireOneLane(ExplorationOptions options)
    {
        if (options.Parallelism > 1)
        {
            throw new ArgumentException(
                $"{nameof(ExplorationOptions.Parallelism)} {options.Parallelism} needs a runner per lane: pass a runner factory (Func<IScriptRunner>) instead of one runner",
                nameof(options));
        }
    }

    /// <summary>
    /// The script of the case <paramref name="seed"/> generates, without running it: what <c>explore --seed</c> would
    /// run first. Deterministic: the same seed, options and capabilities give the same text.
    /// </summary>
    /// <param name="seed">A CsCheck seed string.</param>
    /// <param name="options">The channel count and step bound the case is generated with.</param>
    /// <param name="capabilities">The optional handlers the generator may use.</param>
    /// <exception cref="FormatException">The seed is not a CsCheck seed.</exception>
    public static string ScriptFor(string seed, ExplorationOptions options, ProviderCapabilities capabilities)
    {
        ArgumentNullException.ThrowIfNull(seed);
        Validate(options);
        ArgumentNullException.ThrowIfNull(capabilities);
        var pcg = ParseSeed(seed);
        var canonical = pcg.ToString();
        var @case = ExplorationGenerators.Case(options, capabilities).Generate(pcg, null!, out _);
        return NetDmaSequenceModel.Render(@case, options.ChannelCount, Title(canonical));
    }

    /// <summary>True when <paramref name="seed"/> is a CsCheck seed string (12 to 17 characters of its alphabet).</summary>
    public static bool IsSeed(string? seed)
    {
        if (string.IsNullOrWhiteSpace(seed))
        {
            return false;
        }

        try
        {
            PCG.Parse(seed.Trim());
            return true;
        }
        catch (CsCheckException)
        {
            return false;
        }
    }

    private static void Validate(ExplorationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.Platforms, nameof(options.Platforms));
        _ = options.Platforms.Choose(1, msix: false, version2: false);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Iterations, 1, nameof(options.Iterations));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ChannelCount, 1, nameof(options.ChannelCount));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.ChannelCount, ExplorationOptions.MaxChannelCount, nameof(options.ChannelCount));
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxOperations, nameof(options.MaxOperations));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.MaxOperations, 200, nameof(options.MaxOperations));
        ArgumentOutOfRangeException.ThrowIfNegative(options.ShrinkIterations, nameof(options.ShrinkIterations));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.ShrinkIterations, 1_000_000, nameof(options.ShrinkIterations));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.Watchdog, TimeSpan.Zero, nameof(options.Watchdog));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Parallelism, 1, nameof(options.Parallelism));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Parallelism, ExplorationOptions.MaxParallelism, nameof(options.Parallelism));
        options.Shard?.Validate();
        if (options.Schedules is { } schedules)
        {
            // One recorded schedule belongs to one script: every generated case is a different script.
            ArgumentOutOfRangeException.ThrowIfLessThan(schedules.Schedules, 1, nameof(options.Schedules));
            if (schedules.ReplayTrace is not null)
            {
                throw new ArgumentException("a replay trace replays one script's schedule (run --replay), not a search of generated cases", nameof(options));
            }
        }
    }

    private static PCG ParseSeed(string seed)
    {
        try
        {
            return PCG.Parse(seed.Trim());
        }
        catch (CsCheckException e)
        {
            throw new FormatException(e.Message, e);
        }
    }

    private static string RandomSeed() =>
        new PCG((uint)Random.Shared.Next(), (ulong)Random.Shared.NextInt64()).ToString();

    private static string Title(string seed) => $"netdma-kit explore --seed {seed}";

    private static string FileFor(string seed) => $"explore-{seed}.ndma";

    /// <summary>
    /// Parses the cases and runs them with one <see cref="IScriptRunner.RunUntilFailure"/> call; returns their results
    /// up to and including the first failed one. A case the parser refuses is a failed result, and the last.
    /// </summary>
    private static List<(ScriptResult Result, int Commands)> RunTexts(IScriptRunner runner, string[] texts, string[] seeds)
    {
        var scripts = new List<Script>(texts.Length);
        ScriptResult? notParsed = null;
        foreach (var (text, seed) in texts.Zip(seeds))
        {
            try
            {
                scripts.Add(ScriptParser.Parse(text, FileFor(seed)));
            }
            catch (ScriptParseException error)
            {
                // The model made a script the parser refuses: a kit bug, reported like any failing script so it is seen.
                notParsed = ScriptResult.NotParsed(FileFor(seed), error);
                break;
            }
        }

        var results = runner.RunUntilFailure(scripts);
        var done = results.Select((result, c) => (result, scripts[c].Commands.Count)).ToList();
        if (notParsed is not null && results.Count == scripts.Count && results.All(r => r.Outcome != ScriptOutcome.Failed))
        {
            done.Add((notParsed, 0));
        }

        return done;
    }

    private static (ScriptResult Result, int Commands) RunText(IScriptRunner runner, string text, string seed) => RunTexts(runner, [text], [seed])[0];

    /// <summary>What a failure is about: its rule IDs, or the keyword of a failed check that names no rule.</summary>
    private static HashSet<string> Signature(ScriptResult result) =>
        [.. result.Failures.SelectMany(f => f.RuleIds.Count > 0 ? f.RuleIds : [f.Step.Split(' ')[0]])];

    private static (ExplorationFailure Failure, int ShrinkRuns) Shrink<T>(IScriptRunner runner, Gen<T> gen, Func<T, string, string> render,
        string failingSeed, ScriptResult failingResult, ExplorationOptions options)
    {
        var signature = Signature(failingResult);

        // Every hanging candidate would cost a whole watchdog period and leave its thread blocked: a hang is reported
        // as first found.
        var budget = failingResult.Checks.Any(c => c.Step == ScriptExecutionSteps.DriverHung) ? 0 : options.ShrinkIterations;
        var minSeed = failingSeed;
        var minResult = failingResult;
        var minCommands = CommandCount(RenderSeed(failingSeed, gen, render, out var minSize));
        var failing = PCG.Parse(failingSeed);
        var pcg = new PCG(failing.Stream ^ 0x5EEDu, failing.Seed);
        int shrinks = 0, runs = 0;
        for (var i = 0; i < budget; i++)
        {
            var state = pcg.State;
            var @case = gen.Generate(pcg, null!, out var size);
            var seed = pcg.ToString(state);
            var text = render(@case, seed);
            var commands = CommandCount(text);
            if (commands > minCommands || (commands == minCommands && !Size.IsLessThan(size, minSize)))
            {
                continue;
            }

            var (result, _) = RunText(runner, text, seed);
            options.Progress?.Invoke(new ExplorationProgress(ExplorationPhase.Shrinking, runs, seed, result.Outcome, commands));
            runs++;
            if (result.Outcome == ScriptOutcome.Failed && Signature(result).Overlaps(signature))
            {
                minSeed = seed;
                minSize = size;
                minCommands = commands;
                minResult = result;
                shrinks++;
            }
        }

        var script = RenderSeed(minSeed, gen, render, out _);
        var (reproduced, report) = Replay(runner, gen, render, minSeed);
        return (new ExplorationFailure(minSeed, failingSeed, script, minResult, shrinks, reproduced, report), runs);
    }

    /// <summary>Commands in a rendered script: the model writes one per line.</summary>
    private static int CommandCount(string text) => text.Count(c => c == '\n');

    private static string RenderSeed<T>(string seed, Gen<T> gen, Func<T, string, string> render, out Size size) =>
        render(gen.Generate(PCG.Parse(seed), null!, out size), seed);

    /// <summary>Replays the case of <paramref name="seed"/> through CsCheck's <c>Check.Sample</c>, which must fail.</summary>
    private static (bool Reproduced, string? Report) Replay<T>(IScriptRunner runner, Gen<T> gen, Func<T, string, string> render, string seed)
    {
        try
        {
            Check.Sample(gen, @case =>
            {
                var (result, _) = RunText(runner, render(@case, seed), seed);
                if (result.Outcome == ScriptOutcome.Failed)
                {
                    throw new InvalidOperationException(
                        string.Join(Environment.NewLine, result.Failures.Select(f => $"{f.Location} {f.Step}: {f.Message}")));
                }
            }, seed: seed, iter: 1, threads: 1, print: @case => render(@case, seed));
            return (false, null);
        }
        catch (CsCheckException report)
        {
            return (true, report.Message);
        }
    }
}
