using System.Buffers.Binary;
using NetDma.Contracts.NetDma;
using NetDma.Contracts.Platform;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA5005: its engine writes the right NET_DMA_TRANSFER_STATUS but the address of the descriptor after the one
/// it processed (its "current descriptor" register has already advanced when the status is latched). Armed and Halted,
/// whose address the page does not tie to a processed descriptor, are left alone. Every 64-bit write is taken for the
/// completion word: the bundled scripts move no 8-byte transfers.
/// </summary>
public sealed class CompletionAddressAheadProvider : BrokenNetDmaProvider
{
    protected override IDeviceBus WrapBus(IDeviceBus bus) => new AheadStatusBus(bus);

    private sealed class AheadStatusBus(IDeviceBus inner) : IDeviceBus
    {
        public bool DmaRead(PhysicalAddress address, Span<byte> destination) => inner.DmaRead(address, destination);

        public bool DmaWrite(PhysicalAddress address, ReadOnlySpan<byte> source)
        {
            var word = source.Length == sizeof(ulong) ? BinaryPrimitives.ReadUInt64LittleEndian(source) : 0;
            if (source.Length != sizeof(ulong)
                || (NetDmaTransferStatus)(word & 0x7) is not (NetDmaTransferStatus.NetDmaTransferStatusActive or NetDmaTransferStatus.NetDmaTransferStatusIdle or NetDmaTransferStatus.NetDmaTransferStatusSuspend))
            {
                return inner.DmaWrite(address, source);
            }

            Span<byte> ahead = stackalloc byte[sizeof(ulong)];
            BinaryPrimitives.WriteUInt64LittleEndian(ahead, word + NetDmaDescriptor.SizeInBytes);
            return inner.DmaWrite(address, ahead);
        }

        public void RequestInterrupt(uint messageId) => inner.RequestInterrupt(messageId);

        public void AttachEngine(ISimulatedEngine engine) => inner.AttachEngine(engine);
    }
}
