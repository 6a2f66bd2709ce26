using NetDma.ConformanceKit.Running;

namespace NetDma.ConformanceKit.Exploration;

/// <summary>One case the explorer has just run, reported through <see cref="ExplorationOptions.Progress"/>.</summary>
/// <param name="Phase">Searching or shrinking.</param>
/// <param name="Index">0-based number of the case within its phase (for shrinking: of the candidates that were run).</param>
/// <param name="Seed">The CsCheck seed that regenerates the case.</param>
/// <param name="Outcome">How its script ended.</param>
/// <param name="Commands">Commands in its script.</param>
public readonly record struct ExplorationProgress(ExplorationPhase Phase, int Index, string Seed, ScriptOutcome Outcome, int Commands);
