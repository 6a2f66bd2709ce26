using NetDma.Contracts.NetDma;
using NetDma.Contracts.Platform;
using NetDma.Contracts.Status;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>Forwards every NetDMA function, letting a broken provider rewrite its characteristics at registration.</summary>
public class CharacteristicsInterceptor(INetDma inner, Action<NetDmaProviderCharacteristics> rewrite) : INetDma
{
    /// <summary>The real NetDMA functions.</summary>
    protected INetDma Inner { get; } = inner;

    public virtual NtStatus NetDmaRegisterProvider(object ProviderContext, out NetDmaProviderHandle pNetDmaProviderHandle, NetDmaProviderCharacteristics ProviderCharacteristics)
    {
        rewrite(ProviderCharacteristics);
        return Inner.NetDmaRegisterProvider(ProviderContext, out pNetDmaProviderHandle, ProviderCharacteristics);
    }

    public virtual void NetDmaDeregisterProvider(NetDmaProviderHandle NetDmaProviderHandle) => Inner.NetDmaDeregisterProvider(NetDmaProviderHandle);

    public virtual void NetDmaProviderStart(NetDmaProviderHandle NetDmaProviderHandle, NetDmaProviderAttributes ProviderAttributes) => Inner.NetDmaProviderStart(NetDmaProviderHandle, ProviderAttributes);

    public virtual void NetDmaProviderStop(NetDmaProviderHandle NetDmaProviderHandle) => Inner.NetDmaProviderStop(NetDmaProviderHandle);

    public virtual void NetDmaIsr(NetDmaChannelHandle NetDmaChannelHandle, PhysicalAddress DmaDescriptor, out uint pCpuNumber) => Inner.NetDmaIsr(NetDmaChannelHandle, DmaDescriptor, out pCpuNumber);

    public virtual void NetDmaInterruptDpc(NetDmaChannelHandle NetDmaChannelHandle, PhysicalAddress? DmaDescriptor) => Inner.NetDmaInterruptDpc(NetDmaChannelHandle, DmaDescriptor);

    public uint NetDmaGetVersion() => Inner.NetDmaGetVersion();

    public virtual void NetDmaPnPEventNotify(NetDmaProviderHandle NetDmaProviderHandle, NetDmaPnPNotification PnPEvent) => Inner.NetDmaPnPEventNotify(NetDmaProviderHandle, PnPEvent);
}
