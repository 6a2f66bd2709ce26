using NetDma.Contracts.Platform;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA5011: its engine posts the completion-status write and lets it land only after the next data read, so
/// with NET_DMA_SERIALIZE_TRANSFER the next descriptor's data is read before this descriptor's writes are complete.
/// Every 8-byte write is taken for the completion status: the self-test script moves no 8-byte transfers.
/// </summary>
public sealed class PostedStatusWriteProvider : BrokenNetDmaProvider
{
    protected override IDeviceBus WrapBus(IDeviceBus bus) => new PostingBus(bus);

    private sealed class PostingBus(IDeviceBus inner) : DescriptorImageBus(inner)
    {
        private (PhysicalAddress Address, byte[] Bytes)? _posted;

        protected override void Misread(Span<byte> descriptor)
        {
        }

        public override bool DmaRead(PhysicalAddress address, Span<byte> destination)
        {
            var read = Inner.DmaRead(address, destination);
            if (destination.Length != 64 && _posted is { } posted)
            {
                _posted = null;
                Inner.DmaWrite(posted.Address, posted.Bytes);
            }

            return read;
        }

        public override bool DmaWrite(PhysicalAddress address, ReadOnlySpan<byte> source)
        {
            if (source.Length != sizeof(ulong))
            {
                return Inner.DmaWrite(address, source);
            }

            _posted = (address, source.ToArray());
            return true;
        }
    }
}
