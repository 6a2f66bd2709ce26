using NetDma.Contracts.Kernel;
using NetDma.Contracts.NetDma;
using NetDma.Contracts.Platform;
using NetDma.Contracts.Status;
using NetDma.ReferenceProvider.NetDma;

namespace NetDma.RewritingProviders;

/// <summary>
/// The reference provider with one handler changed at registration (<see cref="Break"/>): everything else is the
/// correct reference behaviour, so a run shows only the bug the subclass plants.
/// </summary>
public abstract class WrappedReferenceProvider : INetDmaProviderDriver
{
    private readonly ReferenceNetDmaProviderDriver _inner = new();

    /// <summary>The kernel the PnP manager gave the driver.</summary>
    protected IWdmKernel Kernel { get; private set; } = null!;

    /// <summary>Changes the characteristics the provider registers.</summary>
    protected abstract void Break(NetDmaProviderCharacteristics characteristics);

    /// <inheritdoc/>
    public NtStatus AddDevice(DriverEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        Kernel = environment.Kernel;
        return _inner.AddDevice(environment with { NetDma = new Interceptor(environment.NetDma, Break) });
    }

    /// <inheritdoc/>
    public IReadOnlyList<uint> FilterResourceRequirements() => _inner.FilterResourceRequirements();

    /// <inheritdoc/>
    public NtStatus StartDevice(DeviceResources resources) => _inner.StartDevice(resources);

    /// <inheritdoc/>
    public void StopDevice() => _inner.StopDevice();

    /// <inheritdoc/>
    public void RemoveDevice() => _inner.RemoveDevice();

    // Forwards every NetDMA function; registration passes the characteristics through Break first.
    private sealed class Interceptor(INetDma inner, Action<NetDmaProviderCharacteristics> rewrite) : INetDma
    {
        public NtStatus NetDmaRegisterProvider(object ProviderContext, out NetDmaProviderHandle pNetDmaProviderHandle, NetDmaProviderCharacteristics ProviderCharacteristics)
        {
            rewrite(ProviderCharacteristics);
            return inner.NetDmaRegisterProvider(ProviderContext, out pNetDmaProviderHandle, ProviderCharacteristics);
        }

        public void NetDmaDeregisterProvider(NetDmaProviderHandle NetDmaProviderHandle) => inner.NetDmaDeregisterProvider(NetDmaProviderHandle);

        public void NetDmaProviderStart(NetDmaProviderHandle NetDmaProviderHandle, NetDmaProviderAttributes ProviderAttributes) => inner.NetDmaProviderStart(NetDmaProviderHandle, ProviderAttributes);

        public void NetDmaProviderStop(NetDmaProviderHandle NetDmaProviderHandle) => inner.NetDmaProviderStop(NetDmaProviderHandle);

        public void NetDmaIsr(NetDmaChannelHandle NetDmaChannelHandle, PhysicalAddress DmaDescriptor, out uint pCpuNumber) => inner.NetDmaIsr(NetDmaChannelHandle, DmaDescriptor, out pCpuNumber);

        public void NetDmaInterruptDpc(NetDmaChannelHandle NetDmaChannelHandle, PhysicalAddress? DmaDescriptor) => inner.NetDmaInterruptDpc(NetDmaChannelHandle, DmaDescriptor);

        public uint NetDmaGetVersion() => inner.NetDmaGetVersion();

        public void NetDmaPnPEventNotify(NetDmaProviderHandle NetDmaProviderHandle, NetDmaPnPNotification PnPEvent) => inner.NetDmaPnPEventNotify(NetDmaProviderHandle, PnPEvent);
    }
}
