using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace NetDma.Analyzers.Infrastructure;

/// <summary>
/// Every bound the NDMA analyses stop at, in one place (the roslyn-analyzers <c>InterproceduralAnalysisConfiguration</c>
/// shape). A bound reached means "not analyzed further", never a guessed verdict. Each is configurable in
/// <c>.editorconfig</c> (under <c>[*.cs]</c>) or a <c>.globalconfig</c>: a compilation takes the global value when one is
/// set, else the largest value any of its source files sets, else the default. Documented in docs/performance.md.
/// </summary>
/// <param name="CallDepth">Calls followed from an entry point through the compilation's own helpers (NDMA1001-NDMA1003, NDMA3001, NDMA4002).</param>
/// <param name="VisitsPerCall">Functions visited per starting call by the IRQL propagation, a guard against call graphs with many paths.</param>
/// <param name="FunctionsPerMember">Nested bodies (local functions, lambdas) analyzed per member.</param>
/// <param name="FlowVisitsPerBlock">Distinct paths the forward-flow driver (<see cref="Flow.ForwardFlow"/>) follows into one basic block; beyond it the IRQL analysis merges the paths reaching the block into one, the other flow analyses leave the routine alone.</param>
/// <param name="PathStates">(block, path) pairs the forward-flow driver visits per routine; beyond it the routine is not analyzed (every flow rule).</param>
internal sealed record AnalysisBudgets(int CallDepth, int VisitsPerCall, int FunctionsPerMember, int FlowVisitsPerBlock, int PathStates)
{
    /// <summary>The <c>.editorconfig</c> keys, in the order of the parameters.</summary>
    public const string CallDepthKey = "netdma_analyzers.max_call_depth";

    public const string VisitsPerCallKey = "netdma_analyzers.max_visits_per_call";

    public const string FunctionsPerMemberKey = "netdma_analyzers.max_functions_per_member";

    public const string FlowVisitsPerBlockKey = "netdma_analyzers.max_flow_visits_per_block";

    public const string PathStatesKey = "netdma_analyzers.max_path_states";

    /// <summary>The budgets when nothing is configured.</summary>
    public static AnalysisBudgets Default { get; } = new(CallDepth: 8, VisitsPerCall: 512, FunctionsPerMember: 256, FlowVisitsPerBlock: 64, PathStates: 4096);

    /// <summary>The budgets <paramref name="options"/> configure for <paramref name="compilation"/>.</summary>
    public static AnalysisBudgets From(Compilation compilation, AnalyzerOptions? options)
    {
        if (options is null)
        {
            return Default;
        }

        var provider = options.AnalyzerConfigOptionsProvider;
        int Read(string key, int fallback)
        {
            if (provider.GlobalOptions.TryGetValue(key, out var global) && Parse(global) is { } globalValue)
            {
                return globalValue;
            }

            int? largest = null;
            foreach (var tree in compilation.SyntaxTrees)
            {
                if (provider.GetOptions(tree).TryGetValue(key, out var text) && Parse(text) is { } value && (largest is null || value > largest))
                {
                    largest = value;
                }
            }

            return largest ?? fallback;
        }

        return new AnalysisBudgets(
            Read(CallDepthKey, Default.CallDepth),
            Read(VisitsPerCallKey, Default.VisitsPerCall),
            Read(FunctionsPerMemberKey, Default.FunctionsPerMember),
            Read(FlowVisitsPerBlockKey, Default.FlowVisitsPerBlock),
            Read(PathStatesKey, Default.PathStates));
    }

    /// <summary>A positive integer, or null (a malformed or non-positive value keeps the default).</summary>
    private static int? Parse(string text) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : null;
}
