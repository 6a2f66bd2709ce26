using NetDma.Contracts.Kernel;
using NetDma.Contracts.NetDma;
using NetDma.Contracts.Platform;
using NetDma.Contracts.Status;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA5015: ProviderAllocateDmaChannel first allocates a per-channel scratch block, then the reference
/// allocation (whose own ExAllocatePool2 is the second call); when that fails it returns the failure without freeing the
/// scratch block. On success the block is kept with the channel and freed in ProviderFreeDmaChannel, so only the
/// failure path is wrong: it takes a pool fault on the second allocation (<c>fault pool:every=2</c>) to see it.
/// </summary>
public sealed class LeakOnFailedAllocationProvider : BrokenNetDmaProvider
{
    /// <summary>The scratch block's pool tag, 'NdmS' (first character in the low byte).</summary>
    public const uint ScratchTag = 0x536D644E;

    protected override void Break(NetDmaProviderCharacteristics characteristics)
    {
        var allocate = characteristics.AllocateDmaChannel!;
        var free = characteristics.FreeDmaChannel!;
        var scratch = new Dictionary<object, VirtualAddress>(ReferenceEqualityComparer.Instance);
        characteristics.AllocateDmaChannel = (object provider, NetDmaChannelParameters parameters, NetDmaChannelHandle handle, out object? context) =>
        {
            context = null;
            var block = Environment.Kernel.ExAllocatePool2(PoolType.NonPagedPoolNx, 64, ScratchTag);
            if (block.IsNull)
            {
                return NtStatus.STATUS_INSUFFICIENT_RESOURCES;
            }

            var status = allocate(provider, parameters, handle, out context);
            if (!NtStatusFacts.NT_SUCCESS(status))
            {
                return status; // the bug: the scratch block stays allocated
            }

            scratch[context!] = block;
            return status;
        };
        characteristics.FreeDmaChannel = context =>
        {
            free(context);
            if (scratch.Remove(context, out var block))
            {
                Environment.Kernel.ExFreePool(block);
            }
        };
    }
}
