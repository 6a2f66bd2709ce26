using NetDma.Contracts.NetDma;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>Breaks NDMA3003: never writes ChannelParameters->CpuNumber (the value NetDMA put there is left as it was).</summary>
public sealed class CpuNumberNotWrittenProvider : BrokenNetDmaProvider
{
    protected override void Break(NetDmaProviderCharacteristics characteristics)
    {
        var allocate = characteristics.AllocateDmaChannel!;
        characteristics.AllocateDmaChannel = (object provider, NetDmaChannelParameters parameters, NetDmaChannelHandle handle, out object? context) =>
        {
            var before = parameters.CpuNumber;
            var status = allocate(provider, parameters, handle, out context);
            parameters.CpuNumber = before;
            return status;
        };
    }
}
