namespace NetDma.ConformanceKit.Rules;

/// <summary>NDMA4xxx: the WDM adapter channel and map registers. Each rule is stated once, in <c>src/Rules/RuleSource.cs</c>.</summary>
public static class AdapterRules
{
    /// <summary>NDMA4001: One queued AllocateAdapterChannel per device object.</summary>
    public static readonly Rule OneRequestPerDevice = RuleSource.OneRequestPerDevice;

    /// <summary>NDMA4002: Not from inside AdapterControl.</summary>
    public static readonly Rule NotFromAdapterControl = RuleSource.NotFromAdapterControl;

    /// <summary>NDMA4003: Map registers within the IoGetDmaAdapter maximum.</summary>
    public static readonly Rule MapRegistersWithinMax = RuleSource.MapRegistersWithinMax;

    /// <summary>NDMA4004: Flush before freeing map registers.</summary>
    public static readonly Rule FlushBeforeFree = RuleSource.FlushBeforeFree;

    /// <summary>NDMA4005: No double or unmatched free.</summary>
    public static readonly Rule FreeOnceAndMatching = RuleSource.FreeOnceAndMatching;

    /// <summary>NDMA4006: MapTransfer only with held map registers, within the MDL.</summary>
    public static readonly Rule MapWithinHeldRegisters = RuleSource.MapWithinHeldRegisters;

    /// <summary>NDMA4007: Release everything before PutDmaAdapter.</summary>
    public static readonly Rule ReleaseBeforePut = RuleSource.ReleaseBeforePut;

    /// <summary>NDMA4008: Bus-master AdapterControl returns DeallocateObject(KeepRegisters).</summary>
    public static readonly Rule BusMasterAllocationAction = RuleSource.BusMasterAllocationAction;

    /// <summary>NDMA4009: FlushAdapterBuffers matches a MapTransfer.</summary>
    public static readonly Rule FlushMatchesMapping = RuleSource.FlushMatchesMapping;

    /// <summary>NDMA4010: No mapping of a range already mapped.</summary>
    public static readonly Rule NoDoubleMapping = RuleSource.NoDoubleMapping;

    /// <summary>NDMA4011: Flush before completing the IRP.</summary>
    public static readonly Rule FlushBeforeCompletingIrp = RuleSource.FlushBeforeCompletingIrp;

    /// <summary>NDMA4012: AdapterControl's IO_ALLOCATION_ACTION matches what it did.</summary>
    public static readonly Rule AllocationActionMatchesWork = RuleSource.AllocationActionMatchesWork;

    /// <summary>NDMA4013: CurrentIrp set outside StartIo.</summary>
    public static readonly Rule CurrentIrpOutsideStartIo = RuleSource.CurrentIrpOutsideStartIo;

    /// <summary>NDMA4014: Complete the IRP after AllocateAdapterChannel fails.</summary>
    public static readonly Rule CompleteIrpAfterChannelFailure = RuleSource.CompleteIrpAfterChannelFailure;

    /// <summary>NDMA4015: DEVICE_DESCRIPTION field values.</summary>
    public static readonly Rule DeviceDescriptionFields = RuleSource.DeviceDescriptionFields;

    /// <summary>NDMA4016: ReadDmaCounter only for subordinate devices.</summary>
    public static readonly Rule ReadDmaCounterSubordinateOnly = RuleSource.ReadDmaCounterSubordinateOnly;

    /// <summary>NDMA4017: KeSetTargetProcessorDpc before KeInsertQueueDpc.</summary>
    public static readonly Rule TargetDpcBeforeQueue = RuleSource.TargetDpcBeforeQueue;

    /// <summary>NDMA4018: IoGetDmaAdapter from AddDevice or IRP_MN_START_DEVICE.</summary>
    public static readonly Rule DmaAdapterFromAddOrStart = RuleSource.DmaAdapterFromAddOrStart;

    /// <summary>NDMA4019: No NULL DMA_ADAPTER.</summary>
    public static readonly Rule DmaAdapterArgument = RuleSource.DmaAdapterArgument;

    /// <summary>NDMA4020: DMA only on locked buffers.</summary>
    public static readonly Rule DmaOnLockedBuffers = RuleSource.DmaOnLockedBuffers;

    /// <summary>NDMA4021: DmaTransferContext unique across outstanding allocation requests.</summary>
    public static readonly Rule UniqueDmaTransferContext = RuleSource.UniqueDmaTransferContext;

    /// <summary>NDMA4022: FreeAdapterObject after a routine-less AllocateAdapterChannelEx.</summary>
    public static readonly Rule FreeAdapterObjectWhenDone = RuleSource.FreeAdapterObjectWhenDone;

    /// <summary>NDMA4023: the device gets AllocateCommonBuffer's LogicalAddress.</summary>
    public static readonly Rule CommonBufferLogicalAddress = RuleSource.CommonBufferLogicalAddress;

    /// <summary>NDMA4024: DMA buffers start and end on the GetDmaAlignment multiple.</summary>
    public static readonly Rule DmaBufferAlignment = RuleSource.DmaBufferAlignment;

    /// <summary>NDMA4025: AlignmentRequirement set from GetDmaAlignment.</summary>
    public static readonly Rule AlignmentRequirementFromAdapter = RuleSource.AlignmentRequirementFromAdapter;

    /// <summary>NDMA4026: a split transfer advances CurrentVa and Length.</summary>
    public static readonly Rule SplitTransferAdvances = RuleSource.SplitTransferAdvances;

    /// <summary>NDMA4027: packet-DMA hardware uses only mapped, unflushed ranges.</summary>
    public static readonly Rule DeviceUsesMappedRanges = RuleSource.DeviceUsesMappedRanges;

    /// <summary>NDMA4028: an IRP is completed once (kit rule).</summary>
    public static readonly Rule IrpCompletedOnce = RuleSource.IrpCompletedOnce;

    /// <summary>NDMA4029: AllocateAdapterChannelEx gets the Flags and ExecutionRoutine its page accepts.</summary>
    public static readonly Rule AllocateAdapterChannelExParameters = RuleSource.AllocateAdapterChannelExParameters;

    /// <summary>Every rule of the area, in ID order.</summary>
    public static IReadOnlyList<Rule> All { get; } =
        [OneRequestPerDevice, NotFromAdapterControl, MapRegistersWithinMax, FlushBeforeFree, FreeOnceAndMatching, MapWithinHeldRegisters, ReleaseBeforePut, BusMasterAllocationAction,
        FlushMatchesMapping, NoDoubleMapping, FlushBeforeCompletingIrp, AllocationActionMatchesWork, CurrentIrpOutsideStartIo, CompleteIrpAfterChannelFailure, DeviceDescriptionFields, ReadDmaCounterSubordinateOnly, TargetDpcBeforeQueue, DmaAdapterFromAddOrStart, DmaAdapterArgument, DmaOnLockedBuffers,
        UniqueDmaTransferContext, FreeAdapterObjectWhenDone, CommonBufferLogicalAddress, DmaBufferAlignment, AlignmentRequirementFromAdapter, SplitTransferAdvances, DeviceUsesMappedRanges,
        IrpCompletedOnce, AllocateAdapterChannelExParameters];
}
