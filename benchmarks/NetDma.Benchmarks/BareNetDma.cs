using NetDma.Contracts.Ndis;
using NetDma.Contracts.NetDma;
using NetDma.Contracts.Platform;
using NetDma.Contracts.Status;

namespace NetDma.Benchmarks;

/// <summary>
/// The baseline of <see cref="HostOverheadBenchmarks"/>: the least a NetDMA interface must do for the reference provider
/// to run (keep its characteristics, hand out a provider handle, answer NetDmaIsr with the channel's CpuNumber and
/// NetDmaGetVersion with 2.0) and nothing the checking host adds: no IRQL, handle, lifecycle or descriptor checks, no
/// trace of its own. Not product code: it exists so the host's cost can be measured against bare calls.
/// </summary>
internal sealed class BareNetDma : INetDma, INdis
{
    private readonly Func<uint> _getVersion;

    public BareNetDma() => _getVersion = NetDmaGetVersion;

    /// <summary>What the provider registered with.</summary>
    public NetDmaProviderCharacteristics? Characteristics { get; private set; }

    /// <summary>The ProviderContext the provider registered with.</summary>
    public object? ProviderContext { get; private set; }

    /// <summary>The CpuNumber the provider wrote at the last allocation; NetDmaIsr hands it back.</summary>
    public uint CpuNumber { get; set; }

    /// <summary>NetDmaIsr calls seen (a check that the baseline really takes interrupts).</summary>
    public int IsrCount { get; private set; }

    /// <summary>NetDmaInterruptDpc calls seen.</summary>
    public int DpcCount { get; private set; }

    public NtStatus NetDmaRegisterProvider(object ProviderContext, out NetDmaProviderHandle pNetDmaProviderHandle, NetDmaProviderCharacteristics ProviderCharacteristics)
    {
        this.ProviderContext = ProviderContext;
        Characteristics = ProviderCharacteristics;
        pNetDmaProviderHandle = new NetDmaProviderHandle(0x1000);
        return NtStatus.STATUS_SUCCESS;
    }

    public void NetDmaDeregisterProvider(NetDmaProviderHandle NetDmaProviderHandle)
    {
    }

    public void NetDmaProviderStart(NetDmaProviderHandle NetDmaProviderHandle, NetDmaProviderAttributes ProviderAttributes)
    {
    }

    public void NetDmaProviderStop(NetDmaProviderHandle NetDmaProviderHandle)
    {
    }

    public void NetDmaIsr(NetDmaChannelHandle NetDmaChannelHandle, PhysicalAddress DmaDescriptor, out uint pCpuNumber)
    {
        IsrCount++;
        pCpuNumber = CpuNumber;
    }

    public void NetDmaInterruptDpc(NetDmaChannelHandle NetDmaChannelHandle, PhysicalAddress? DmaDescriptor) => DpcCount++;

    public uint NetDmaGetVersion() => 0x0002_0000;

    public void NetDmaPnPEventNotify(NetDmaProviderHandle NetDmaProviderHandle, NetDmaPnPNotification PnPEvent)
    {
    }

    public Delegate? NdisGetRoutineAddress(string NdisRoutineName) =>
        NdisRoutineName == nameof(INetDma.NetDmaGetVersion) ? _getVersion : null;
}
