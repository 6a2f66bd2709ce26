using NetDma.ConformanceKit.Memory;
using NetDma.Contracts.NetDma;
using NetDma.Contracts.Platform;

namespace NetDma.ConformanceKit.Host;

// The descriptor fault (docs/faults.md): NetDMA submits an invalid copy descriptor, so the engine meets an error it
// must report (NetDmaTransferStatusHalted, ns-netdma-_net_dma_channel_parameters.md; a NULL DmaDescriptor in
// NetDmaInterruptDpc, handling-a-netdma-interrupt-dpc.md).
public sealed partial class NetDmaHost
{
    private PhysicalAddress? _invalidSource;

    /// <summary>
    /// <paramref name="descriptors"/> as NetDMA submits them on <paramref name="channel"/>: each copy descriptor the
    /// run's <c>descriptor</c> fault picks gets a SourceAddress that no memory answers at, so the engine's read of its
    /// data fails. Other descriptors, and every descriptor without that fault, are unchanged.
    /// </summary>
    private IReadOnlyList<DescriptorSpec> WithDescriptorFaults(HostChannel channel, IReadOnlyList<DescriptorSpec> descriptors)
    {
        if (Kernel.Faults is not { } faults)
        {
            return descriptors;
        }

        var planted = descriptors.ToArray();
        for (var i = 0; i < planted.Length; i++)
        {
            var spec = planted[i];
            if (!MovesData(spec) || !faults.PlantInvalidDescriptor($"NetDMA descriptor {i} of {planted.Length} for {channel.Name} ({spec.Source} -> {spec.Destination}, {spec.Length} bytes)"))
            {
                continue;
            }

            _invalidSource ??= Kernel.Memory.ReserveUnbacked("no memory: descriptor fault", PhysicalMemory.MaximumBufferSize);
            planted[i] = spec with { Source = _invalidSource.Value, NextSource = spec.NextSource.IsNull ? spec.NextSource : _invalidSource.Value };
        }

        return planted;
    }

    /// <summary>False for a descriptor with nothing to read: NET_DMA_NULL_TRANSFER, a context change, TransferSize 0 (ns-netdma-_net_dma_descriptor.md).</summary>
    private static bool MovesData(DescriptorSpec spec) =>
        spec.Length > 0
        && (spec.Flags & NetDmaDescriptorControlFlags.NET_DMA_NULL_TRANSFER) == 0
        && (spec.Flags & NetDmaDescriptorControlFlags.NET_DMA_OP_TYPE_MASK) != NetDmaDescriptorControlFlags.NET_DMA_OP_TYPE_CONTEXT_CHANGE;
}
