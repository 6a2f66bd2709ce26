using System.Buffers.Binary;
using NetDma.Contracts.NetDma;
using NetDma.Contracts.Platform;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA5008: its engine reports NetDmaTransferStatusIdle after every descriptor, even while more remain (a
/// "more pending" test that is always false). Every 8-byte write is taken for the completion status: the self-test
/// script moves no 8-byte transfers.
/// </summary>
public sealed class IdleTooEarlyProvider : BrokenNetDmaProvider
{
    protected override IDeviceBus WrapBus(IDeviceBus bus) => new AlwaysIdle(bus);

    private sealed class AlwaysIdle(IDeviceBus inner) : DescriptorImageBus(inner)
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

            Span<byte> idle = stackalloc byte[sizeof(ulong)];
            BinaryPrimitives.WriteUInt64LittleEndian(idle, (word & ~0x7UL) | (ulong)NetDmaTransferStatus.NetDmaTransferStatusIdle);
            return Inner.DmaWrite(address, idle);
        }
    }
}
