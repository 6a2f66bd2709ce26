using NetDma.ConformanceKit.Tests.BrokenProviders;
using NetDma.Contracts.NetDma;
using NetDma.Contracts.Platform;

namespace NetDma.ConformanceKit.Tests.Exploration;

/// <summary>
/// Breaks NDMA5004 only deep in a sequence: its engine flips the first byte it writes for the third descriptor of a
/// chain (the descriptor ProviderStartDma or ProviderAppendDma received third), so only a chain of at least three
/// descriptors that runs shows the bug. The explorer must find it and shrink to a script that still has such a chain.
/// </summary>
public sealed class ThirdDescriptorCorruptingProvider : BrokenNetDmaProvider
{
    private readonly HashSet<PhysicalAddress> _thirdDestinations = [];

    protected override void Break(NetDmaProviderCharacteristics characteristics)
    {
        var start = characteristics.StartDma!;
        var append = characteristics.AppendDma!;
        characteristics.StartDma = (context, virtualAddress, physicalAddress, count) =>
        {
            RememberThird(physicalAddress, count);
            return start(context, virtualAddress, physicalAddress, count);
        };
        characteristics.AppendDma = (context, virtualAddress, physicalAddress, count) =>
        {
            RememberThird(physicalAddress, count);
            return append(context, virtualAddress, physicalAddress, count);
        };
    }

    protected override IDeviceBus WrapBus(IDeviceBus bus) => new CorruptingBus(bus, _thirdDestinations);

    /// <summary>Follows NextDescriptor twice from the chain's first descriptor and records where the third one writes.</summary>
    private void RememberThird(PhysicalAddress first, uint count)
    {
        if (count < 3)
        {
            return;
        }

        var address = first;
        Span<byte> image = stackalloc byte[NetDmaDescriptor.SizeInBytes];
        for (var i = 0; i < 3; i++)
        {
            if (!Environment.Bus.DmaRead(address, image))
            {
                return;
            }

            var descriptor = NetDmaDescriptor.Read(image);
            if (i == 2)
            {
                _thirdDestinations.Add(descriptor.DestinationAddress);
            }

            address = descriptor.NextDescriptor;
        }
    }

    private sealed class CorruptingBus(IDeviceBus inner, HashSet<PhysicalAddress> targets) : IDeviceBus
    {
        public bool DmaRead(PhysicalAddress address, Span<byte> destination) => inner.DmaRead(address, destination);

        public bool DmaWrite(PhysicalAddress address, ReadOnlySpan<byte> source)
        {
            if (!targets.Contains(address) || source.Length == 0)
            {
                return inner.DmaWrite(address, source);
            }

            var corrupted = source.ToArray();
            corrupted[0] ^= 0xFF;
            return inner.DmaWrite(address, corrupted);
        }

        public void RequestInterrupt(uint messageId) => inner.RequestInterrupt(messageId);

        public void AttachEngine(ISimulatedEngine engine) => inner.AttachEngine(engine);
    }
}
