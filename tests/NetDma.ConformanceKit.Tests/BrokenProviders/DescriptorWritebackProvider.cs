using System.Buffers.Binary;
using NetDma.Contracts.Platform;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA5010: its engine writes each descriptor back after fetching it with a "done" mark in UserContext1, a
/// field reserved for the NetDMA interface.
/// </summary>
public sealed class DescriptorWritebackProvider : BrokenNetDmaProvider
{
    protected override IDeviceBus WrapBus(IDeviceBus bus) => new WritebackBus(bus);

    private sealed class WritebackBus(IDeviceBus inner) : DescriptorImageBus(inner)
    {
        protected override void Misread(Span<byte> descriptor)
        {
        }

        public override bool DmaRead(PhysicalAddress address, Span<byte> destination)
        {
            var read = Inner.DmaRead(address, destination);
            if (read && destination.Length == 64)
            {
                var writeback = destination.ToArray();
                BinaryPrimitives.WriteUInt64LittleEndian(writeback.AsSpan(48), 0xD0E0_0000_0000_0001);
                Inner.DmaWrite(address, writeback);
            }

            return read;
        }
    }
}
