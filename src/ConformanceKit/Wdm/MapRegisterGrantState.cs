namespace NetDma.ConformanceKit.Wdm;

/// <summary>The life of a <see cref="MapRegisterGrant"/>, following the IO_ALLOCATION_ACTION AdapterControl returned (ne-wdm-_io_allocation_action.md).</summary>
internal enum MapRegisterGrantState
{
    /// <summary>AdapterControl is running with them.</summary>
    InAdapterControl,

    /// <summary>AdapterControl returned KeepObject: held with the adapter channel until FreeAdapterChannel.</summary>
    WithChannel,

    /// <summary>AdapterControl returned DeallocateObjectKeepRegisters: held until FreeMapRegisters.</summary>
    Kept,

    /// <summary>
    /// Granted, with the adapter channel, to AllocateAdapterChannelEx with DMA_SYNCHRONOUS_CALLBACK and no
    /// ExecutionRoutine: held until FreeAdapterObject (nc-wdm-pallocate_adapter_channel_ex.md).
    /// </summary>
    WithAdapterObject,

    /// <summary>Released.</summary>
    Freed,
}
