using NetDma.Contracts.NetDma;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA3024: ProviderStartDma also calls NetDmaInterruptDpc itself ("report what is already done" from the
/// submit path), outside the provider's interrupt DPC.
/// </summary>
public sealed class DpcReportedFromStartProvider : BrokenNetDmaProvider
{
    private readonly Dictionary<object, NetDmaChannelHandle> _handles = new(ReferenceEqualityComparer.Instance);

    protected override void Break(NetDmaProviderCharacteristics characteristics)
    {
        var allocate = characteristics.AllocateDmaChannel!;
        var start = characteristics.StartDma!;
        characteristics.AllocateDmaChannel = (object context, NetDmaChannelParameters parameters, NetDmaChannelHandle handle, out object? channel) =>
        {
            var status = allocate(context, parameters, handle, out channel);
            if (channel is not null)
            {
                _handles[channel] = handle;
            }

            return status;
        };
        characteristics.StartDma = (context, virtualAddress, physicalAddress, count) =>
        {
            var status = start(context, virtualAddress, physicalAddress, count);
            Environment.NetDma.NetDmaInterruptDpc(_handles[context], null);
            return status;
        };
    }
}
