using NetDma.Contracts.NetDma;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA3007: its IRP_MN_REMOVE_DEVICE handler assumes IRP_MN_STOP_DEVICE came first and deregisters a provider
/// that is still started, without NetDmaProviderStop (nf-netdma-netdmaderegisterprovider.md: "must call
/// NetDmaProviderStop ... before it deregisters"). A removal after a stop is unaffected.
/// </summary>
public sealed class RemoveWithoutStopProvider : BrokenNetDmaProvider
{
    private bool _removing;

    public override void RemoveDevice()
    {
        _removing = true;
        try
        {
            base.RemoveDevice();
        }
        finally
        {
            _removing = false;
        }
    }

    protected override INetDma WrapNetDma(INetDma netDma) => new StopSkippedInRemoval(netDma, this);

    private sealed class StopSkippedInRemoval(INetDma inner, RemoveWithoutStopProvider owner) : CharacteristicsInterceptor(inner, _ => { })
    {
        public override void NetDmaProviderStop(NetDmaProviderHandle NetDmaProviderHandle)
        {
            if (!owner._removing)
            {
                Inner.NetDmaProviderStop(NetDmaProviderHandle);
            }
        }
    }
}
