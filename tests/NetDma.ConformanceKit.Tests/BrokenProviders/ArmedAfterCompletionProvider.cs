using System.Buffers.Binary;
using NetDma.Contracts.NetDma;
using NetDma.Contracts.Platform;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA5008's Armed branch: its engine writes NetDmaTransferStatusArmed where it should write
/// NetDmaTransferStatusActive, after a descriptor completed and while more remain (Armed means "the DMA transfer for
/// the first descriptor has not completed", ns-netdma-_net_dma_channel_parameters.md). Every 8-byte write is taken for
/// the completion status: the self-test script moves no 8-byte transfers.
/// </summary>
public sealed class ArmedAfterCompletionProvider : BrokenNetDmaProvider
{
    protected override IDeviceBus WrapBus(IDeviceBus bus) => new ActiveWrittenAsArmed(bus);

    private sealed class ActiveWrittenAsArmed(IDeviceBus inner) : DescriptorImageBus(inner)
    {
        protected override void Misread(Span<byte> descriptor)
        {
        }

        public override bool DmaWrite(PhysicalAddress address, ReadOnlySpan<byte> source)
        {
            var word = source.Length == sizeof(ulong) ? BinaryPrimitives.ReadUInt64LittleEndian(source) : 0;
            if (source.Length != sizeof(ulong) || (word & 0x7) != (ulong)NetDmaTransferStatus.NetDmaTransferStatusActive)
            {
                return Inner.DmaWrite(address, source);
            }

            Span<byte> armed = stackalloc byte[sizeof(ulong)];
            BinaryPrimitives.WriteUInt64LittleEndian(armed, (word & ~0x7UL) | (ulong)NetDmaTransferStatus.NetDmaTransferStatusArmed);
            return Inner.DmaWrite(address, armed);
        }
    }
}
