using NetDma.Contracts.Platform;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>Breaks NDMA5001: its engine writes 16 bytes more than each transfer asks (an off-by-a-burst length bug).</summary>
public sealed class DmaOverrunProvider : BrokenNetDmaProvider
{
    protected override IDeviceBus WrapBus(IDeviceBus bus) => new OverrunningBus(bus);

    private sealed class OverrunningBus(IDeviceBus inner) : IDeviceBus
    {
        public bool DmaRead(PhysicalAddress address, Span<byte> destination) => inner.DmaRead(address, destination);

        public bool DmaWrite(PhysicalAddress address, ReadOnlySpan<byte> source)
        {
            var longer = new byte[source.Length + 16];
            source.CopyTo(longer);
            return inner.DmaWrite(address, longer);
        }

        public void RequestInterrupt(uint messageId) => inner.RequestInterrupt(messageId);

        public void AttachEngine(ISimulatedEngine engine) => inner.AttachEngine(engine);
    }
}
