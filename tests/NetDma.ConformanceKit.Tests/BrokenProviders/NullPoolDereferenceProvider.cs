using NetDma.Contracts.Kernel;
using NetDma.Contracts.NetDma;
using NetDma.Contracts.Platform;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Mishandles a pool failure: ProviderAllocateDmaChannel allocates a bookkeeping block and uses it without checking for
/// NULL (here: an exception, the bug check of this world, NDMA2002). Correct whenever ExAllocatePool2 succeeds.
/// </summary>
public sealed class NullPoolDereferenceProvider : BrokenNetDmaProvider
{
    protected override void Break(NetDmaProviderCharacteristics characteristics)
    {
        var allocate = characteristics.AllocateDmaChannel!;
        var free = characteristics.FreeDmaChannel!;
        var blocks = new Dictionary<object, VirtualAddress>(ReferenceEqualityComparer.Instance);
        characteristics.AllocateDmaChannel = (object provider, NetDmaChannelParameters parameters, NetDmaChannelHandle handle, out object? context) =>
        {
            var block = Environment.Kernel.ExAllocatePool2(PoolType.NonPagedPoolNx, 64, 0x4E6D644E);
            if (block.IsNull)
            {
                throw new NullReferenceException("the bookkeeping block ExAllocatePool2 returned is NULL"); // the bug: no NULL check
            }

            var status = allocate(provider, parameters, handle, out context);
            if (context is null)
            {
                Environment.Kernel.ExFreePool(block);
            }
            else
            {
                blocks[context] = block;
            }

            return status;
        };
        characteristics.FreeDmaChannel = context =>
        {
            free(context);
            if (blocks.Remove(context, out var block))
            {
                Environment.Kernel.ExFreePool(block);
            }
        };
    }
}
