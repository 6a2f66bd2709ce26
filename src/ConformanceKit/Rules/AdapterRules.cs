namespace NetDma.ConformanceKit.Rules;

/// <summary>NDMA4xxx: WDM adapter channels and map registers (the Driver Verifier DMA checks, bug check 0xE6).</summary>
public static class AdapterRules
{
    /// <summary>One queued AllocateAdapterChannel per device object.</summary>
    public static readonly Rule OneRequestPerDevice = new("NDMA4001", RuleLevel.MUST,
        "AllocateAdapterChannel is not called again for a device object until its AdapterControl routine has run.", "nc-wdm-pallocate_adapter_channel.md");

    /// <summary>Not from inside AdapterControl.</summary>
    public static readonly Rule NotFromAdapterControl = new("NDMA4002", RuleLevel.MUST,
        "AllocateAdapterChannel is never called from inside an AdapterControl routine.", "nc-wdm-pallocate_adapter_channel.md")
    {
        Enforcement = RuleEnforcement.RunTime | RuleEnforcement.CompileTime,
    };

    /// <summary>Map registers within the IoGetDmaAdapter maximum.</summary>
    public static readonly Rule MapRegistersWithinMax = new("NDMA4003", RuleLevel.MUST,
        "NumberOfMapRegisters does not exceed the maximum IoGetDmaAdapter returned.", "nf-wdm-iogetdmaadapter.md")
    {
        Enforcement = RuleEnforcement.RunTime | RuleEnforcement.CompileTime,
    };

    /// <summary>Flush before freeing map registers.</summary>
    public static readonly Rule FlushBeforeFree = new("NDMA4004", RuleLevel.MUST,
        "FlushAdapterBuffers is called for a mapped transfer before its map registers or adapter channel are freed.", "nc-wdm-pflush_adapter_buffers.md");

    /// <summary>No double or unmatched free.</summary>
    public static readonly Rule FreeOnceAndMatching = new("NDMA4005", RuleLevel.MUST,
        "Map registers and adapter channels are freed once, with the routine that matches AdapterControl's IO_ALLOCATION_ACTION.", "dma-verification.md");

    /// <summary>MapTransfer only with held map registers, within the MDL.</summary>
    public static readonly Rule MapWithinHeldRegisters = new("NDMA4006", RuleLevel.MUST,
        "MapTransfer uses a MapRegisterBase the driver holds and a range inside the MDL that fits its map registers.", "nc-wdm-pmap_transfer.md");

    /// <summary>Release everything before PutDmaAdapter.</summary>
    public static readonly Rule ReleaseBeforePut = new("NDMA4007", RuleLevel.MUST,
        "Every adapter channel, map register and common buffer is released before PutDmaAdapter, and the adapter is put before removal.", "nc-wdm-pput_dma_adapter.md");

    /// <summary>Bus-master AdapterControl returns DeallocateObject(KeepRegisters).</summary>
    public static readonly Rule BusMasterAllocationAction = new("NDMA4008", RuleLevel.MUST,
        "A bus-master driver's AdapterControl returns DeallocateObject or DeallocateObjectKeepRegisters.", "nc-wdm-driver_control.md");

    /// <summary>Every rule of the area, in ID order.</summary>
    public static IReadOnlyList<Rule> All { get; } =
    [
        OneRequestPerDevice, NotFromAdapterControl, MapRegistersWithinMax, FlushBeforeFree, FreeOnceAndMatching,
        MapWithinHeldRegisters, ReleaseBeforePut, BusMasterAllocationAction,
    ];
}
