using NetDma.Contracts.Platform;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA5009: its engine keeps a descriptor cache and serves a second read of a descriptor from it, so after
/// ProviderResumeDma it never reloads the descriptor it processed last and misses the NextDescriptor NetDMA changed
/// during the suspend.
/// </summary>
public sealed class DescriptorCacheProvider : BrokenNetDmaProvider
{
    protected override IDeviceBus WrapBus(IDeviceBus bus) => new CachingBus(bus);

    private sealed class CachingBus(IDeviceBus inner) : DescriptorImageBus(inner)
    {
        private readonly Dictionary<PhysicalAddress, byte[]> _cache = [];

        protected override void Misread(Span<byte> descriptor)
        {
        }

        public override bool DmaRead(PhysicalAddress address, Span<byte> destination)
        {
            if (destination.Length != 64)
            {
                return Inner.DmaRead(address, destination);
            }

            if (_cache.TryGetValue(address, out var cached))
            {
                cached.CopyTo(destination);
                return true;
            }

            var read = Inner.DmaRead(address, destination);
            _cache[address] = destination.ToArray();
            return read;
        }
    }
}
