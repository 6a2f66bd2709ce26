using NetDma.Contracts.NetDma;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA3002: returns STATUS_SUCCESS with pProviderChannelContext = NULL. Its free handler ignores the NULL
/// context, so the only broken rule is the allocation's.
/// </summary>
public sealed class NullChannelContextProvider : BrokenNetDmaProvider
{
    protected override void Break(NetDmaProviderCharacteristics characteristics)
    {
        var allocate = characteristics.AllocateDmaChannel!;
        var free = characteristics.FreeDmaChannel!;
        var hidden = new Dictionary<NetDmaChannelHandle, object?>();
        characteristics.AllocateDmaChannel = (object provider, NetDmaChannelParameters parameters, NetDmaChannelHandle handle, out object? context) =>
        {
            var status = allocate(provider, parameters, handle, out var real);
            hidden[handle] = real;
            context = null;
            return status;
        };
        characteristics.FreeDmaChannel = context =>
        {
            foreach (var real in hidden.Values.OfType<object>())
            {
                free(real);
            }

            hidden.Clear();
        };
    }
}
