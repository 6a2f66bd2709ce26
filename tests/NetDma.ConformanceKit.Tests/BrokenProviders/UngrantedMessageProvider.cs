using NetDma.Contracts.Platform;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA3040: its engine signals every interrupt on a message number past the ones the device was granted in
/// its start resources (an off-by-64 in the message table), so the interrupts are dropped.
/// </summary>
public sealed class UngrantedMessageProvider : BrokenNetDmaProvider
{
    /// <summary>Added to every message number the engine signals: no start resources grant that many messages.</summary>
    public const uint MessageOffset = 64;

    protected override IDeviceBus WrapBus(IDeviceBus bus) => new OffsetMessageBus(bus);

    private sealed class OffsetMessageBus(IDeviceBus inner) : IDeviceBus
    {
        public bool DmaRead(PhysicalAddress address, Span<byte> destination) => inner.DmaRead(address, destination);

        public bool DmaWrite(PhysicalAddress address, ReadOnlySpan<byte> source) => inner.DmaWrite(address, source);

        public void RequestInterrupt(uint messageId) => inner.RequestInterrupt(messageId + MessageOffset);

        public void AttachEngine(ISimulatedEngine engine) => inner.AttachEngine(engine);
    }
}
