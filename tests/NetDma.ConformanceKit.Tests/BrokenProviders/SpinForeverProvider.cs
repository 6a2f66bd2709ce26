using NetDma.Contracts.Annotations;
using NetDma.Contracts.NetDma;
using NetDma.RewritingProviders;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA2003 by never making progress: ProviderAppendDma on the second channel polls for a flag that nothing
/// sets, asking the kernel for the IRQL in each round (so the spin is made of scheduling points and never parks). Under
/// schedule exploration the schedule reaches its step bound; one call at a time the watchdog ends the script.
/// </summary>
public sealed class SpinForeverProvider : BrokenNetDmaProvider
{

    protected override void Break(NetDmaProviderCharacteristics characteristics)
    {
        var append = characteristics.AppendDma!;
        var channels = AllocationOrder.RecordChannels(characteristics);
        characteristics.AppendDma = (context, virtualAddress, physicalAddress, count) =>
        {
            // A poll for an IRQL the append never runs at: the second channel's append never leaves it.
            while (channels.IndexOf(context) == 1 && Environment.Kernel.KeGetCurrentIrql() != Irql.HIGH_LEVEL)
            {
            }

            return append(context, virtualAddress, physicalAddress, count);
        };
    }
}
