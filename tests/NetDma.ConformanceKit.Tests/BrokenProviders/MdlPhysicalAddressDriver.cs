using NetDma.Contracts.Platform;
using NetDma.Contracts.Wdm;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA4027: calls MapTransfer as it should but programs the device with the MDL's CPU physical address of the
/// piece instead of the logical address MapTransfer returned, bypassing the HAL (dma-verification.md: packet DMA
/// needs the buffer "mapped for use by the hardware"; "some driver writers attempt to bypass the HAL DMA subsystem").
/// </summary>
public sealed class MdlPhysicalAddressDriver : BrokenWdmDriver
{
    protected override PhysicalAddress DeviceAddress(PhysicalAddress logical, Mdl mdl, VirtualAddress currentVa) =>
        mdl.PhysicalBase.Offset(currentVa.Value - mdl.StartVa.Value);
}
