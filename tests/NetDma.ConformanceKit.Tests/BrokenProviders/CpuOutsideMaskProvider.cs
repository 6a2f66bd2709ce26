using NetDma.Contracts.NetDma;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>Breaks NDMA3004: reports a CpuNumber whose bit is not in ProcessorAffinityMask (it reports the mask's highest bit + 1).</summary>
public sealed class CpuOutsideMaskProvider : BrokenNetDmaProvider
{
    protected override void Break(NetDmaProviderCharacteristics characteristics)
    {
        var allocate = characteristics.AllocateDmaChannel!;
        characteristics.AllocateDmaChannel = (object provider, NetDmaChannelParameters parameters, NetDmaChannelHandle handle, out object? context) =>
        {
            var status = allocate(provider, parameters, handle, out context);
            parameters.CpuNumber = (uint)(32 - System.Numerics.BitOperations.LeadingZeroCount(parameters.ProcessorAffinityMask)) % 4;
            return status;
        };
    }
}
