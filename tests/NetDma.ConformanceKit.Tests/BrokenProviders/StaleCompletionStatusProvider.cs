using System.Buffers.Binary;
using NetDma.Contracts.NetDma;
using NetDma.Contracts.Platform;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA5005: its engine writes the completion status word with the state bits always
/// NetDmaTransferStatusActive, so a finished chain never reads Idle (a status register latched one step early).
/// Every 64-bit write is taken for the completion word: the bundled scripts move no 8-byte transfers.
/// </summary>
public sealed class StaleCompletionStatusProvider : BrokenNetDmaProvider
{
    protected override IDeviceBus WrapBus(IDeviceBus bus) => new StaleStatusBus(bus);

    private sealed class StaleStatusBus(IDeviceBus inner) : IDeviceBus
    {
        public bool DmaRead(PhysicalAddress address, Span<byte> destination) => inner.DmaRead(address, destination);

        public bool DmaWrite(PhysicalAddress address, ReadOnlySpan<byte> source)
        {
            if (source.Length != sizeof(ulong))
            {
                return inner.DmaWrite(address, source);
            }

            Span<byte> stale = stackalloc byte[sizeof(ulong)];
            var word = BinaryPrimitives.ReadUInt64LittleEndian(source);
            BinaryPrimitives.WriteUInt64LittleEndian(stale, (word & ~0x7UL) | (ulong)NetDmaTransferStatus.NetDmaTransferStatusActive);
            return inner.DmaWrite(address, stale);
        }

        public void RequestInterrupt(uint messageId) => inner.RequestInterrupt(messageId);

        public void AttachEngine(ISimulatedEngine engine) => inner.AttachEngine(engine);
    }
}
