using NetDma.Contracts.Kernel;
using NetDma.Contracts.NetDma;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA1002: ProviderAllocateDmaChannel (called at DISPATCH_LEVEL) waits up to 1 ms for an event that is not
/// signaled, as a driver might wait for its hardware to settle.
/// </summary>
public sealed class WaitAtDispatchProvider : BrokenNetDmaProvider
{
    protected override void Break(NetDmaProviderCharacteristics characteristics)
    {
        var allocate = characteristics.AllocateDmaChannel!;
        characteristics.AllocateDmaChannel = (object provider, NetDmaChannelParameters parameters, NetDmaChannelHandle handle, out object? context) =>
        {
            var settled = new KEvent();
            Environment.Kernel.KeInitializeEvent(settled, false);
            Environment.Kernel.KeWaitForSingleObject(settled, 10_000);
            return allocate(provider, parameters, handle, out context);
        };
    }
}
