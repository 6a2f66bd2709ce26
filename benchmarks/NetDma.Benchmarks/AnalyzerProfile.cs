using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;

namespace NetDma.Benchmarks;

/// <summary>
/// Where the analyzers' time goes on the <see cref="AnalyzerCorpus"/> (issue 9). Each round diagnoses the corpus on
/// one thread with the compiler alone and then with each analyzer set in turn, so a drifting machine load shifts every
/// configuration of a round alike; it prints per set the median time added to the compiler's and the median of the
/// rounds' ratios, and how much of the added time the set's own actions account for (Roslyn's per-analyzer execution
/// timing: <see cref="CompilationWithAnalyzersOptions"/>' logAnalyzerExecutionTime, read from the
/// <see cref="AnalysisResult.AnalyzerTelemetryInfo"/> of the same analysis). The rest is the analyzer driver's own
/// work, which two probes isolate: an analyzer whose only action is an empty syntax-node action per method, and one
/// whose only action is an empty operation-block action (the driver then builds every body's operation tree). A
/// profile, not a benchmark: the ratios with error bars in docs/performance.md come from <see cref="AnalyzerCorpusBenchmarks"/>.
/// </summary>
internal static class AnalyzerProfile
{
    public static int Run(int lines, int rounds)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rounds);
        var corpus = AnalyzerCorpus.Create(lines);
        var compilation = AnalyzerCompilations.Create($"Corpus{lines}", corpus.Trees);
        var sets = new (string Name, ImmutableArray<DiagnosticAnalyzer> Analyzers)[]
        {
            ("every NDMA analyzer", AnalyzerCompilations.NdmaAnalyzers()),
            ("Microsoft.VisualStudio.Threading.Analyzers", AnalyzerCorpusBenchmarks.ThreadingAnalyzers()),
            ("probe: an empty syntax-node action per method", [new DoNothingAnalyzer(operationBlocks: false)]),
            ("probe: an empty operation-block action", [new DoNothingAnalyzer(operationBlocks: true)]),
        };

        var compiler = new List<TimeSpan>();
        var totals = sets.Select(_ => new List<TimeSpan>()).ToArray();
        var actions = sets.Select(set => set.Analyzers.ToDictionary(a => a, _ => new List<TimeSpan>())).ToArray();
        for (var round = 0; round <= rounds; round++) // Round 0 warms up (JIT, metadata) and is not kept.
        {
            var clock = Stopwatch.StartNew();
            AnalyzerCompilations.CompilerDiagnostics(compilation);
            Keep(round, compiler, clock.Elapsed);
            for (var i = 0; i < sets.Length; i++)
            {
                clock.Restart();
                var telemetry = Diagnose(compilation, sets[i].Analyzers);
                Keep(round, totals[i], clock.Elapsed);
                foreach (var analyzer in sets[i].Analyzers)
                {
                    Keep(round, actions[i][analyzer], telemetry[analyzer].ExecutionTime);
                }
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"corpus: {corpus.Lines} lines, {corpus.Units} copies, {corpus.Trees.Count} files; {rounds} rounds after a warm-up, one thread; medians"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"compiler diagnostics alone: {Median(compiler).TotalMilliseconds:0} ms"));
        Console.WriteLine();
        Console.WriteLine("| analyzers | added to the compiler's time | added / compiler (median of rounds) | their own actions | actions / added |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        for (var i = 0; i < sets.Length; i++)
        {
            var added = Median(totals[i].Zip(compiler, (total, alone) => total - alone));
            var ratio = MedianOf(totals[i].Zip(compiler, (total, alone) => (total - alone) / alone));
            var own = Median(Enumerable.Range(0, rounds).Select(r => TimeSpan.FromTicks(actions[i].Values.Sum(samples => samples[r].Ticks))));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {sets[i].Name} | {added.TotalMilliseconds:0} ms | {ratio:P0} | {own.TotalMilliseconds:0} ms | {(added > TimeSpan.Zero ? own / added : 0):P0} |"));
        }

        Console.WriteLine();
        Console.WriteLine("Each NDMA analyzer's own actions (median per round):");
        Console.WriteLine();
        Console.WriteLine("| analyzer | action time |");
        Console.WriteLine("| --- | ---: |");
        foreach (var (analyzer, samples) in actions[0].OrderByDescending(pair => Median(pair.Value)))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {analyzer.GetType().Name} | {Median(samples).TotalMilliseconds:0} ms |"));
        }

        return 0;
    }

    /// <summary>All diagnostics of a fresh clone (as each build has: nothing cached) with <paramref name="analyzers"/>, timed per analyzer.</summary>
    private static ImmutableDictionary<DiagnosticAnalyzer, AnalyzerTelemetryInfo> Diagnose(CSharpCompilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var withAnalyzers = compilation.Clone().WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
        withAnalyzers.GetAllDiagnosticsAsync().GetAwaiter().GetResult();
        return withAnalyzers.GetAnalysisResultAsync(CancellationToken.None).GetAwaiter().GetResult().AnalyzerTelemetryInfo;
    }

    private static void Keep(int round, List<TimeSpan> samples, TimeSpan sample)
    {
        if (round > 0)
        {
            samples.Add(sample);
        }
    }

    private static TimeSpan Median(IEnumerable<TimeSpan> samples) => TimeSpan.FromTicks((long)MedianOf(samples.Select(s => (double)s.Ticks)));

    private static double MedianOf(IEnumerable<double> samples)
    {
        var sorted = samples.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    // Probes handed to the driver by this program, never shipped or loaded by a compiler: the rules for analyzer
    // assemblies (release tracking, extended rules, target framework) do not apply to them.
#pragma warning disable RS1036, RS1041, RS2008

    /// <summary>
    /// Registers one action that does nothing, so what it costs is the driver's own work for that kind of action: an
    /// empty syntax-node action per method (the event queue and per-tree work, no operation trees), or an empty
    /// operation-block action (the driver still builds every body's operation tree). Its one rule is never reported.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class DoNothingAnalyzer(bool operationBlocks) : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Never = new("PROFILE0001", "never reported", "never reported", "Profile", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Never];

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            if (operationBlocks)
            {
                context.RegisterOperationBlockAction(_ => { });
            }
            else
            {
                context.RegisterSyntaxNodeAction(_ => { }, Microsoft.CodeAnalysis.CSharp.SyntaxKind.MethodDeclaration);
            }
        }
    }
#pragma warning restore RS1036, RS1041, RS2008
}
