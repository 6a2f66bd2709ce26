using CsCheck;

namespace NetDma.ConformanceKit.Exploration;

/// <summary>
/// The CsCheck generators of WDM exploration cases (<see cref="WdmExplorationCase"/>). Every field is drawn from a
/// bounded range, so CsCheck's Size order makes a shrunk case a shorter script with fewer processors, a smaller DMA
/// alignment and shorter transfers.
/// </summary>
public static class WdmExplorationGenerators
{
    /// <summary>
    /// One step, weighted towards transfers and runs. Each kind draws only the parameters it uses, so the Size of a
    /// step is the size of what it does and shrinking favours simpler steps.
    /// </summary>
    public static Gen<WdmGeneratedStep> Step { get; } = Gen.Frequency(
        (5, Gen.Select(Gen.Int[1, WdmSequenceModel.MaxTransferBytes], Gen.Int[0, WdmSequenceModel.MaxOffset], Gen.Bool,
            (bytes, offset, toDevice) => new WdmGeneratedStep(WdmStepKind.Transfer, bytes, offset, toDevice, 1))),
        (3, Gen.Const(new WdmGeneratedStep(WdmStepKind.Run, 1, 0, true, 1))),
        (2, Gen.Int[1, ExplorationGenerators.MaxRunSteps].Select(steps => new WdmGeneratedStep(WdmStepKind.RunSteps, 1, 0, true, steps))),
        (1, Gen.Const(new WdmGeneratedStep(WdmStepKind.RestartDevice, 1, 0, true, 1))));

    /// <summary>A whole case: 1..8 processors, a DMA alignment of <see cref="WdmSequenceModel.Alignments"/>, and 0 .. <see cref="ExplorationOptions.MaxOperations"/> steps.</summary>
    /// <param name="options">The step bound.</param>
    public static Gen<WdmExplorationCase> Case(ExplorationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Gen.Select(Gen.Int[1, ExplorationGenerators.MaxProcessors], Gen.Int[0, WdmSequenceModel.Alignments.Count - 1], Step.Array[0, options.MaxOperations],
            (processors, alignment, steps) => new WdmExplorationCase(processors, WdmSequenceModel.Alignments[alignment], steps));
    }
}
