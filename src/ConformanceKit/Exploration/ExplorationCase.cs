namespace NetDma.ConformanceKit.Exploration;

/// <summary>
/// One generated case: a platform and the steps NetDMA takes between start_device and the final teardown. CsCheck
/// generates and shrinks it; <see cref="NetDmaSequenceModel.Render"/> turns it into a script.
/// </summary>
/// <param name="Platform">The simulated machine.</param>
/// <param name="Operations">The steps, in order (0 .. <see cref="ExplorationOptions.MaxOperations"/>).</param>
public sealed record ExplorationCase(ExplorationPlatform Platform, IReadOnlyList<GeneratedOperation> Operations);
