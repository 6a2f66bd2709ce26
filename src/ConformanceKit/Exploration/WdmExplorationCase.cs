namespace NetDma.ConformanceKit.Exploration;

/// <summary>
/// One generated case for a WDM DMA driver: a platform and the I/O and PnP requests between IRP_MN_START_DEVICE and
/// removal. CsCheck generates and shrinks it; <see cref="WdmSequenceModel.Render"/> turns it into a script.
/// </summary>
/// <param name="Processors">Active processors, 1 .. <see cref="ExplorationGenerators.MaxProcessors"/>.</param>
/// <param name="DmaAlignment">What GetDmaAlignment returns, in bytes: one of <see cref="WdmSequenceModel.Alignments"/>.</param>
/// <param name="Steps">The steps, in order (0 .. <see cref="ExplorationOptions.MaxOperations"/>).</param>
public sealed record WdmExplorationCase(int Processors, uint DmaAlignment, IReadOnlyList<WdmGeneratedStep> Steps);
