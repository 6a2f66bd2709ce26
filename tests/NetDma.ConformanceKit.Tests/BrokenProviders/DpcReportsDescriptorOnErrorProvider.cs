using NetDma.Contracts.NetDma;
using NetDma.Contracts.Platform;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA3023's error branch: when its engine halted on an error, its interrupt DPC passes NetDmaInterruptDpc the
/// descriptor the interrupt was about (the one the engine stopped on, as the ISR reported it) instead of NULL
/// (handling-a-netdma-interrupt-dpc.md: "If the NetDMA provider calls NetDmaInterruptDpc when there is an error, the
/// NetDMA provider sets DmaDescriptor to NULL"). Without an error it reports what the reference provider reports.
/// </summary>
public sealed class DpcReportsDescriptorOnErrorProvider : BrokenNetDmaProvider
{
    protected override INetDma WrapNetDma(INetDma netDma) => new ErrorDescriptorReported(netDma);

    private sealed class ErrorDescriptorReported(INetDma inner) : CharacteristicsInterceptor(inner, _ => { })
    {
        private readonly Dictionary<NetDmaChannelHandle, PhysicalAddress> _lastIsrDescriptor = [];

        public override void NetDmaIsr(NetDmaChannelHandle NetDmaChannelHandle, PhysicalAddress DmaDescriptor, out uint pCpuNumber)
        {
            _lastIsrDescriptor[NetDmaChannelHandle] = DmaDescriptor;
            Inner.NetDmaIsr(NetDmaChannelHandle, DmaDescriptor, out pCpuNumber);
        }

        // The reference DPC passes NULL on an error (or before any descriptor was processed): report the ISR's instead.
        public override void NetDmaInterruptDpc(NetDmaChannelHandle NetDmaChannelHandle, PhysicalAddress? DmaDescriptor) =>
            Inner.NetDmaInterruptDpc(NetDmaChannelHandle,
                DmaDescriptor ?? (_lastIsrDescriptor.TryGetValue(NetDmaChannelHandle, out var isr) ? isr : null));
    }
}
