namespace NetDma.ConformanceKit.Rules;

/// <summary>NDMA3xxx: the NetDMA provider lifecycle and channels. Each rule is stated once, in <c>src/Rules/RuleSource.cs</c>.</summary>
public static class LifecycleRules
{
    /// <summary>NDMA3001: Registration from AddDevice, once per device.</summary>
    public static readonly Rule RegisterInAddDevice = RuleSource.RegisterInAddDevice;

    /// <summary>NDMA3002: A successful allocation returns a distinct, non-null channel context.</summary>
    public static readonly Rule DistinctChannelContext = RuleSource.DistinctChannelContext;

    /// <summary>NDMA3003: CpuNumber written before returning.</summary>
    public static readonly Rule CpuNumberReported = RuleSource.CpuNumberReported;

    /// <summary>NDMA3004: CpuNumber within the affinity mask.</summary>
    public static readonly Rule CpuNumberInMask = RuleSource.CpuNumberInMask;

    /// <summary>NDMA3005: The interrupt DPC runs on CpuNumber.</summary>
    public static readonly Rule DpcOnReportedCpu = RuleSource.DpcOnReportedCpu;

    /// <summary>NDMA3006: NetDmaIsr and NetDmaInterruptDpc name live channels of the caller.</summary>
    public static readonly Rule LiveChannelHandle = RuleSource.LiveChannelHandle;

    /// <summary>NDMA3007: Start, stop, deregister in order.</summary>
    public static readonly Rule ProviderStateOrder = RuleSource.ProviderStateOrder;

    /// <summary>NDMA3008: A valid provider handle.</summary>
    public static readonly Rule ValidProviderHandle = RuleSource.ValidProviderHandle;

    /// <summary>NDMA3009: Required entry points present; Suspend with Resume.</summary>
    public static readonly Rule CompleteCharacteristics = RuleSource.CompleteCharacteristics;

    /// <summary>NDMA3010: Channel count within the registered maximum.</summary>
    public static readonly Rule ChannelCountWithinMax = RuleSource.ChannelCountWithinMax;

    /// <summary>NDMA3011: Provider version not above the interface version.</summary>
    public static readonly Rule VersionNotAboveInterface = RuleSource.VersionNotAboveInterface;

    /// <summary>NDMA3012: Suspend reports the last processed descriptor and halts.</summary>
    public static readonly Rule SuspendHalts = RuleSource.SuspendHalts;

    /// <summary>NDMA3013: Abort and reset forget submitted descriptors.</summary>
    public static readonly Rule AbortResetForget = RuleSource.AbortResetForget;

    /// <summary>NDMA3014: Interrupt on completion is delivered through NetDmaIsr and the DPC.</summary>
    public static readonly Rule InterruptOnCompletionDelivered = RuleSource.InterruptOnCompletionDelivered;

    /// <summary>NDMA3015: Nothing for a channel after it is freed.</summary>
    public static readonly Rule NothingAfterFree = RuleSource.NothingAfterFree;

    /// <summary>NDMA3016: Providers report only power transitions.</summary>
    public static readonly Rule PnPEventPowerCodesOnly = RuleSource.PnPEventPowerCodesOnly;

    /// <summary>NDMA3017: Registration arguments as documented.</summary>
    public static readonly Rule RegistrationAsDocumented = RuleSource.RegistrationAsDocumented;

    /// <summary>NDMA3018: Provider attributes as documented.</summary>
    public static readonly Rule AttributesAsDocumented = RuleSource.AttributesAsDocumented;

    /// <summary>NDMA3019: PnP notification structure as documented.</summary>
    public static readonly Rule PnPNotificationAsDocumented = RuleSource.PnPNotificationAsDocumented;

    /// <summary>NDMA3020: PowerDown before leaving D0, PowerUp after returning to D0.</summary>
    public static readonly Rule PowerNotificationsInOrder = RuleSource.PowerNotificationsInOrder;

    /// <summary>NDMA3021: NetDmaGetVersion only after NdisGetRoutineAddress found it.</summary>
    public static readonly Rule GetVersionLookedUp = RuleSource.GetVersionLookedUp;

    /// <summary>NDMA3025: MSI-X requests follow the affinities NetDMA gave.</summary>
    public static readonly Rule MsiXRequestsFollowAffinities = RuleSource.MsiXRequestsFollowAffinities;

    /// <summary>NDMA3026: With MSI-X, a channel whose interrupt CPU is in the mask is taken first.</summary>
    public static readonly Rule MsiXChannelMatchesMask = RuleSource.MsiXChannelMatchesMask;

    /// <summary>NDMA3027: The first NetDmaProviderStart comes from IRP_MN_START_DEVICE.</summary>
    public static readonly Rule ProviderStartInStartDevice = RuleSource.ProviderStartInStartDevice;

    /// <summary>NDMA3028: Ready for every request before NetDmaProviderStart.</summary>
    public static readonly Rule ReadyBeforeProviderStart = RuleSource.ReadyBeforeProviderStart;

    /// <summary>NDMA3029: KeSetTargetProcessorDpc gets an active processor.</summary>
    public static readonly Rule DpcTargetActiveProcessor = RuleSource.DpcTargetActiveProcessor;

    /// <summary>NDMA3040: a device signals only granted interrupt messages, after its ISR is connected (kit rule).</summary>
    public static readonly Rule InterruptOnGrantedMessage = RuleSource.InterruptOnGrantedMessage;

    /// <summary>NDMA3050: deregistration while handling IRP_MN_REMOVE_DEVICE (SHOULD).</summary>
    public static readonly Rule DeregisterAtRemove = RuleSource.DeregisterAtRemove;

    /// <summary>NDMA3051: an ISR is connected once per device (kit rule).</summary>
    public static readonly Rule InterruptConnectedOnce = RuleSource.InterruptConnectedOnce;

    /// <summary>NDMA3022: NetDmaIsr names a descriptor the engine processed.</summary>
    public static readonly Rule IsrNamesProcessedDescriptor = RuleSource.IsrNamesProcessedDescriptor;

    /// <summary>NDMA3023: NetDmaInterruptDpc names the last completed descriptor, or NULL on an error.</summary>
    public static readonly Rule DpcNamesLastCompleted = RuleSource.DpcNamesLastCompleted;

    /// <summary>NDMA3024: NetDmaInterruptDpc is called from the interrupt DPC.</summary>
    public static readonly Rule DpcReportFromDpc = RuleSource.DpcReportFromDpc;

    /// <summary>NDMA3030: Outstanding DMA operations complete while NetDMA waits for them.</summary>
    public static readonly Rule OutstandingDmaCompletes = RuleSource.OutstandingDmaCompletes;

    /// <summary>Every rule of the area, in ID order.</summary>
    public static IReadOnlyList<Rule> All { get; } =
        [RegisterInAddDevice, DistinctChannelContext, CpuNumberReported, CpuNumberInMask, DpcOnReportedCpu, LiveChannelHandle, ProviderStateOrder, ValidProviderHandle, CompleteCharacteristics, ChannelCountWithinMax, VersionNotAboveInterface, SuspendHalts, AbortResetForget, InterruptOnCompletionDelivered, NothingAfterFree, PnPEventPowerCodesOnly, RegistrationAsDocumented, AttributesAsDocumented, PnPNotificationAsDocumented, PowerNotificationsInOrder, GetVersionLookedUp, IsrNamesProcessedDescriptor, DpcNamesLastCompleted, DpcReportFromDpc, MsiXRequestsFollowAffinities, MsiXChannelMatchesMask, ProviderStartInStartDevice, ReadyBeforeProviderStart, DpcTargetActiveProcessor, OutstandingDmaCompletes, InterruptOnGrantedMessage, DeregisterAtRemove, InterruptConnectedOnce];
}
