using NetDma.Contracts.Platform;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA5004: its engine inverts the first byte of every data write (a stuck data line), so a completed
/// descriptor's destination differs from its source. Writes of 8 bytes or fewer, the completion status, pass
/// unchanged: the bundled scripts move no transfers that small.
/// </summary>
public sealed class FlippedByteEngineProvider : BrokenNetDmaProvider
{
    protected override IDeviceBus WrapBus(IDeviceBus bus) => new FlippingBus(bus);

    private sealed class FlippingBus(IDeviceBus inner) : IDeviceBus
    {
        public bool DmaRead(PhysicalAddress address, Span<byte> destination) => inner.DmaRead(address, destination);

        public bool DmaWrite(PhysicalAddress address, ReadOnlySpan<byte> source)
        {
            if (source.Length <= sizeof(ulong))
            {
                return inner.DmaWrite(address, source);
            }

            var flipped = source.ToArray();
            flipped[0] = (byte)~flipped[0];
            return inner.DmaWrite(address, flipped);
        }

        public void RequestInterrupt(uint messageId) => inner.RequestInterrupt(messageId);

        public void AttachEngine(ISimulatedEngine engine) => inner.AttachEngine(engine);
    }
}
