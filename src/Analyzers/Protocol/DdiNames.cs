namespace NetDma.Analyzers.Protocol;

/// <summary>
/// The DDI names (the <c>[Ddi]</c> attribute's first argument) that the protocol rules are about. They identify
/// contracts; everything else about them (IRQL, statuses, pages, roles) is read from the attributes.
/// </summary>
internal static class DdiNames
{
    /// <summary>ProviderAllocateDmaChannel (nc-netdma-dma_channel_allocate_handler.md).</summary>
    public const string DmaChannelAllocateHandler = "DMA_CHANNEL_ALLOCATE_HANDLER";

    /// <summary>NetDmaRegisterProvider (nf-netdma-netdmaregisterprovider.md).</summary>
    public const string NetDmaRegisterProvider = "NetDmaRegisterProvider";

    /// <summary>AdapterControl (nc-wdm-driver_control.md).</summary>
    public const string DriverControl = "DRIVER_CONTROL";

    /// <summary>AllocateAdapterChannel (nc-wdm-pallocate_adapter_channel.md).</summary>
    public const string AllocateAdapterChannel = "PALLOCATE_ADAPTER_CHANNEL";

    /// <summary>AllocateAdapterChannelEx (nc-wdm-pallocate_adapter_channel_ex.md).</summary>
    public const string AllocateAdapterChannelEx = "PALLOCATE_ADAPTER_CHANNEL_EX";

    /// <summary>IoGetDmaAdapter (nf-wdm-iogetdmaadapter.md).</summary>
    public const string IoGetDmaAdapter = "IoGetDmaAdapter";

    /// <summary>True for AllocateAdapterChannel and AllocateAdapterChannelEx.</summary>
    public static bool IsAllocateAdapterChannel(string name) => name is AllocateAdapterChannel or AllocateAdapterChannelEx;
}
