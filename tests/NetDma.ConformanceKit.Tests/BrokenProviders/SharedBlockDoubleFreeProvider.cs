using NetDma.Contracts.Kernel;
using NetDma.Contracts.NetDma;
using NetDma.Contracts.Platform;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// A check-then-act on a counter: the channels share one block of non-paged pool, allocated with the first channel and
/// freed by the last one out. ProviderFreeDmaChannel decrements the count of allocated channels, frees the channel's
/// own resources (the reference free: kernel calls), and then reads the count again to decide whether it was the
/// last. Two frees on two processors can both decrement before either reads, both read zero, and both free the shared
/// block (NDMA5003). One call at a time the count reads one for the first free and zero for the second, and every script
/// passes.
/// </summary>
/// <remarks>
/// The fix is to decide on the value the decrement produced (InterlockedDecrement's result on Windows), not on a second
/// read. The read and the act span kit services (the reference free's spin lock and ExFreePool), so the race shows
/// without rewriting; the pure-field version (no call in between) needs the rewriter.
/// </remarks>
public sealed class SharedBlockDoubleFreeProvider : BrokenNetDmaProvider
{
    private const uint SharedBlockTag = 'N' | ('d' << 8) | ('m' << 16) | ('S' << 24);

    private VirtualAddress _shared;
    private int _allocatedChannels;

    protected override void Break(NetDmaProviderCharacteristics characteristics)
    {
        var allocate = characteristics.AllocateDmaChannel!;
        var free = characteristics.FreeDmaChannel!;
        characteristics.AllocateDmaChannel = (object provider, NetDmaChannelParameters parameters, NetDmaChannelHandle handle, out object? context) =>
        {
            var status = allocate(provider, parameters, handle, out context);
            if (context is not null)
            {
                if (_allocatedChannels == 0)
                {
                    _shared = Environment.Kernel.ExAllocatePool2(PoolType.NonPagedPoolNx, 256, SharedBlockTag);
                }

                _allocatedChannels++;
            }

            return status;
        };
        characteristics.FreeDmaChannel = context =>
        {
            _allocatedChannels--;
            free(context);
            if (_allocatedChannels == 0) // the bug: a second read, after kernel calls, instead of the decrement's result
            {
                Environment.Kernel.ExFreePool(_shared);
            }
        };
    }
}
