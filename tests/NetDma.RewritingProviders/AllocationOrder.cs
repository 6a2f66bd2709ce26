using NetDma.Contracts.NetDma;

namespace NetDma.RewritingProviders;

/// <summary>
/// How a broken provider tells its first channel from its second: the channel contexts ProviderAllocateDmaChannel
/// returned, in allocation order. Shared by the rewritten providers here and the broken providers of the kit's tests.
/// </summary>
public static class AllocationOrder
{
    /// <summary>
    /// Wraps ProviderAllocateDmaChannel in <paramref name="characteristics"/> so that every channel context it returns
    /// joins the returned list, in allocation order.
    /// </summary>
    public static List<object> RecordChannels(NetDmaProviderCharacteristics characteristics)
    {
        ArgumentNullException.ThrowIfNull(characteristics);
        var channels = new List<object>();
        var allocate = characteristics.AllocateDmaChannel!;
        characteristics.AllocateDmaChannel = (object provider, NetDmaChannelParameters parameters, NetDmaChannelHandle handle, out object? context) =>
        {
            var status = allocate(provider, parameters, handle, out context);
            if (context is not null)
            {
                channels.Add(context);
            }

            return status;
        };
        return channels;
    }
}
