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

    /// <summary>Every rule of the area, in ID order.</summary>
    public static IReadOnlyList<Rule> All { get; } =
        [OneRequestPerDevice, NotFromAdapterControl, MapRegistersWithinMax, FlushBeforeFree, FreeOnceAndMatching, MapWithinHeldRegisters, ReleaseBeforePut, BusMasterAllocationAction];
}
