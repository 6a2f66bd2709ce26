namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA4025: never sets its device object's AlignmentRequirement, though GetDmaAlignment reports an alignment
/// above one byte (nc-wdm-pget_dma_alignment.md: "The returned value should be used to set the AlignmentRequirement
/// field in the device object").
/// </summary>
public sealed class AlignmentRequirementNotSetDriver : BrokenWdmDriver
{
    protected override void SetAlignmentRequirement()
    {
    }
}
