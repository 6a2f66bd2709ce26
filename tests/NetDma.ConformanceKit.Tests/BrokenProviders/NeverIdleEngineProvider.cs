using NetDma.Contracts.Platform;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA5017: the engine's status never reports idle. It still processes every descriptor it is given, then
/// goes on claiming work on every step, the way hardware that follows NextDescriptor past DescriptorCount keeps the
/// hardware clock busy.
/// </summary>
public sealed class NeverIdleEngineProvider : BrokenNetDmaProvider
{
    protected override IDeviceBus WrapBus(IDeviceBus bus) => new NeverIdleBus(bus);

    private sealed class NeverIdleBus(IDeviceBus inner) : IDeviceBus
    {
        public bool DmaRead(PhysicalAddress address, Span<byte> destination) => inner.DmaRead(address, destination);

        public bool DmaWrite(PhysicalAddress address, ReadOnlySpan<byte> source) => inner.DmaWrite(address, source);

        public void RequestInterrupt(uint messageId) => inner.RequestInterrupt(messageId);

        public void AttachEngine(ISimulatedEngine engine) => inner.AttachEngine(new NeverIdle(engine));
    }

    private sealed class NeverIdle(ISimulatedEngine inner) : ISimulatedEngine
    {
        public bool Step()
        {
            inner.Step();
            return true;
        }
    }
}
