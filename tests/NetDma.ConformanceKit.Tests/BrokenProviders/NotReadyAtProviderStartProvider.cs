using NetDma.Contracts.Status;
using NetDma.Contracts.NetDma;
using NetDma.Contracts.Platform;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA3028: its ProviderAllocateDmaChannel answers STATUS_INSUFFICIENT_RESOURCES until its IRP_MN_START_DEVICE
/// handler has returned, as if it marked its channel table ready only after calling NetDmaProviderStart.
/// </summary>
public sealed class NotReadyAtProviderStartProvider : BrokenNetDmaProvider
{
    private bool _ready;

    protected override void Break(NetDmaProviderCharacteristics characteristics)
    {
        var allocate = characteristics.AllocateDmaChannel!;
        characteristics.AllocateDmaChannel = (object providerContext, NetDmaChannelParameters parameters, NetDmaChannelHandle handle, out object? context) =>
        {
            if (!_ready)
            {
                context = null;
                return NtStatus.STATUS_INSUFFICIENT_RESOURCES;
            }

            return allocate(providerContext, parameters, handle, out context);
        };
    }

    public override NtStatus StartDevice(DeviceResources resources)
    {
        var status = base.StartDevice(resources);
        _ready = true;
        return status;
    }
}
