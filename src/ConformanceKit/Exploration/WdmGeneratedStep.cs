namespace NetDma.ConformanceKit.Exploration;

/// <summary>
/// One generated step of a WDM exploration with every parameter any step may need, as raw values the model adapts
/// (a length and offset rounded to the platform's DMA alignment), so every shrunk case stays valid.
/// </summary>
/// <param name="Kind">What the I/O or PnP manager does.</param>
/// <param name="Bytes">Raw transfer length, 1 .. <see cref="WdmSequenceModel.MaxTransferBytes"/>.</param>
/// <param name="Offset">Raw offset of the transfer in its buffer, 0 .. <see cref="WdmSequenceModel.MaxOffset"/>.</param>
/// <param name="ToDevice">The direction: true for a write to the device (the device reads memory).</param>
/// <param name="Steps">Hardware steps of a <see cref="WdmStepKind.RunSteps"/>, 1 .. <see cref="ExplorationGenerators.MaxRunSteps"/>.</param>
public sealed record WdmGeneratedStep(WdmStepKind Kind, int Bytes, int Offset, bool ToDevice, int Steps);
