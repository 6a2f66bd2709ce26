// Shared rule source: compiled into NetDma.ConformanceKit (public, namespace NetDma.ConformanceKit.Rules) and into
// NetDma.Analyzers (internal, namespace NetDma.Analyzers), see src/Rules/README.md.
#if NETDMA_ANALYZERS
namespace NetDma.Analyzers;
#else
namespace NetDma.ConformanceKit.Rules;
#endif
/// <summary>
/// The one source of every rule's ID, level, statement, page and enforcement, in ID order. The kit's area classes
/// (<c>IrqlRules</c>, <c>LifecycleRules</c> ...) and catalog, the analyzers' diagnostic descriptors and the generated
/// heading of each <c>docs/rules/&lt;ID&gt;.md</c> all read it; nothing else states a rule. A statement says no more
/// than its page (the file name under <c>shared/spec</c>) says; a kit rule that no corpus page states (a requirement of
/// the simulated machine: no exception, pool freed once, no pool leak, interrupts only on granted messages) has a null
/// page, and reports say <see cref="Rule.NoCorpusPage"/>.
/// </summary>
internal static class RuleSource
{
    /// <summary>
    /// Every rule's ID as a constant, written once: the rules below and the analyzers' descriptors use these (the
    /// analyzer release tracking of Microsoft.CodeAnalysis.Analyzers reads a descriptor's ID only from a constant).
    /// </summary>
    public static class Ids
    {
        /// <summary>A NetDMA function or kernel routine is called only at an IRQL its contract allows.</summary>
        public const string CallAtContractIrql = "NDMA1001";

        /// <summary>No blocking wait at DISPATCH_LEVEL or above.</summary>
        public const string NoBlockingWaitAtDispatch = "NDMA1002";

        /// <summary>Paged pool only at APC_LEVEL or below.</summary>
        public const string PagedPoolAtPassiveOrApc = "NDMA1003";

        /// <summary>KeRaiseIrql never lowers, KeLowerIrql never raises.</summary>
        public const string RaiseUpLowerDown = "NDMA1004";

        /// <summary>A callback returns at the IRQL it was entered at.</summary>
        public const string ReturnAtEntryIrql = "NDMA1005";

        /// <summary>Spin locks: no recursion, released by the holder.</summary>
        public const string SpinLockDiscipline = "NDMA1006";

        /// <summary>An implementation keeps the IRQL contract of what it implements.</summary>
        public const string ImplementationKeepsContractIrql = "NDMA1007";

        /// <summary>A DPC object is initialized before use.</summary>
        public const string DpcInitializedBeforeUse = "NDMA1008";

        /// <summary>A callback returns only documented statuses.</summary>
        public const string DocumentedStatusOnly = "NDMA2001";

        /// <summary>A callback returns instead of throwing.</summary>
        public const string CallbackReturns = "NDMA2002";

        /// <summary>A callback returns in bounded time.</summary>
        public const string CallbackTerminates = "NDMA2003";

        /// <summary>Results of _Must_inspect_result_ routines are inspected.</summary>
        public const string InspectResult = "NDMA2004";

        /// <summary>Registration from AddDevice, once per device.</summary>
        public const string RegisterInAddDevice = "NDMA3001";

        /// <summary>A successful allocation returns a distinct, non-null channel context.</summary>
        public const string DistinctChannelContext = "NDMA3002";

        /// <summary>CpuNumber written before returning.</summary>
        public const string CpuNumberReported = "NDMA3003";

        /// <summary>CpuNumber within the affinity mask.</summary>
        public const string CpuNumberInMask = "NDMA3004";

        /// <summary>The interrupt DPC runs on CpuNumber.</summary>
        public const string DpcOnReportedCpu = "NDMA3005";

        /// <summary>NetDmaIsr and NetDmaInterruptDpc name live channels of the caller.</summary>
        public const string LiveChannelHandle = "NDMA3006";

        /// <summary>Start, stop, deregister in order.</summary>
        public const string ProviderStateOrder = "NDMA3007";

        /// <summary>A valid provider handle.</summary>
        public const string ValidProviderHandle = "NDMA3008";

        /// <summary>Required entry points present; Suspend with Resume.</summary>
        public const string CompleteCharacteristics = "NDMA3009";

        /// <summary>Channel count within the registered maximum.</summary>
        public const string ChannelCountWithinMax = "NDMA3010";

        /// <summary>Provider version not above the interface version.</summary>
        public const string VersionNotAboveInterface = "NDMA3011";

        /// <summary>Suspend reports the last processed descriptor and halts.</summary>
        public const string SuspendHalts = "NDMA3012";

        /// <summary>Abort and reset forget submitted descriptors.</summary>
        public const string AbortResetForget = "NDMA3013";

        /// <summary>Interrupt on completion is delivered through NetDmaIsr and the DPC.</summary>
        public const string InterruptOnCompletionDelivered = "NDMA3014";

        /// <summary>Nothing for a channel after it is freed.</summary>
        public const string NothingAfterFree = "NDMA3015";

        /// <summary>Providers report only power transitions.</summary>
        public const string PnPEventPowerCodesOnly = "NDMA3016";

        /// <summary>Registration arguments as documented.</summary>
        public const string RegistrationAsDocumented = "NDMA3017";

        /// <summary>Provider attributes as documented.</summary>
        public const string AttributesAsDocumented = "NDMA3018";

        /// <summary>PnP notification structure as documented.</summary>
        public const string PnPNotificationAsDocumented = "NDMA3019";

        /// <summary>PowerDown before leaving D0, PowerUp after returning to D0.</summary>
        public const string PowerNotificationsInOrder = "NDMA3020";

        /// <summary>NetDmaGetVersion only after NdisGetRoutineAddress found it.</summary>
        public const string GetVersionLookedUp = "NDMA3021";
        /// <summary>MSI-X requests follow the affinities NetDMA gave.</summary>
        public const string MsiXRequestsFollowAffinities = "NDMA3025";

        /// <summary>With MSI-X, a channel whose interrupt CPU is in the mask is taken first.</summary>
        public const string MsiXChannelMatchesMask = "NDMA3026";

        /// <summary>The first NetDmaProviderStart comes from IRP_MN_START_DEVICE.</summary>
        public const string ProviderStartInStartDevice = "NDMA3027";

        /// <summary>Ready for every request before NetDmaProviderStart.</summary>
        public const string ReadyBeforeProviderStart = "NDMA3028";

        /// <summary>KeSetTargetProcessorDpc gets an active processor.</summary>
        public const string DpcTargetActiveProcessor = "NDMA3029";

        /// <summary>Interrupts only on granted messages, after the ISR is connected (kit rule).</summary>
        public const string InterruptOnGrantedMessage = "NDMA3040";

        /// <summary>Deregistration while handling IRP_MN_REMOVE_DEVICE.</summary>
        public const string DeregisterAtRemove = "NDMA3050";

        /// <summary>An ISR is connected once per device (kit rule).</summary>
        public const string InterruptConnectedOnce = "NDMA3051";

        /// <summary>NetDmaIsr names a descriptor the engine processed.</summary>
        public const string IsrNamesProcessedDescriptor = "NDMA3022";

        /// <summary>NetDmaInterruptDpc names the last completed descriptor, or NULL on an error.</summary>
        public const string DpcNamesLastCompleted = "NDMA3023";

        /// <summary>NetDmaInterruptDpc is called from the interrupt DPC.</summary>
        public const string DpcReportFromDpc = "NDMA3024";

        /// <summary>Outstanding DMA operations complete while NetDMA waits for them.</summary>
        public const string OutstandingDmaCompletes = "NDMA3030";

        /// <summary>One queued AllocateAdapterChannel per device object.</summary>
        public const string OneRequestPerDevice = "NDMA4001";

        /// <summary>Not from inside AdapterControl.</summary>
        public const string NotFromAdapterControl = "NDMA4002";

        /// <summary>Map registers within the IoGetDmaAdapter maximum.</summary>
        public const string MapRegistersWithinMax = "NDMA4003";

        /// <summary>Flush before freeing map registers.</summary>
        public const string FlushBeforeFree = "NDMA4004";

        /// <summary>No double or unmatched free.</summary>
        public const string FreeOnceAndMatching = "NDMA4005";

        /// <summary>MapTransfer only with held map registers, within the MDL.</summary>
        public const string MapWithinHeldRegisters = "NDMA4006";

        /// <summary>Release everything before PutDmaAdapter.</summary>
        public const string ReleaseBeforePut = "NDMA4007";

        /// <summary>Bus-master AdapterControl returns DeallocateObject(KeepRegisters).</summary>
        public const string BusMasterAllocationAction = "NDMA4008";

        /// <summary>FlushAdapterBuffers matches a MapTransfer.</summary>
        public const string FlushMatchesMapping = "NDMA4009";

        /// <summary>No mapping of a range already mapped.</summary>
        public const string NoDoubleMapping = "NDMA4010";

        /// <summary>Flush before completing the IRP.</summary>
        public const string FlushBeforeCompletingIrp = "NDMA4011";

        /// <summary>AdapterControl's IO_ALLOCATION_ACTION matches what it did.</summary>
        public const string AllocationActionMatchesWork = "NDMA4012";

        /// <summary>CurrentIrp set outside StartIo.</summary>
        public const string CurrentIrpOutsideStartIo = "NDMA4013";

        /// <summary>Complete the IRP after AllocateAdapterChannel fails.</summary>
        public const string CompleteIrpAfterChannelFailure = "NDMA4014";

        /// <summary>DEVICE_DESCRIPTION field values.</summary>
        public const string DeviceDescriptionFields = "NDMA4015";

        /// <summary>ReadDmaCounter only for subordinate devices.</summary>
        public const string ReadDmaCounterSubordinateOnly = "NDMA4016";

        /// <summary>KeSetTargetProcessorDpc before KeInsertQueueDpc.</summary>
        public const string TargetDpcBeforeQueue = "NDMA4017";

        /// <summary>IoGetDmaAdapter from AddDevice or IRP_MN_START_DEVICE.</summary>
        public const string DmaAdapterFromAddOrStart = "NDMA4018";

        /// <summary>No NULL DMA_ADAPTER.</summary>
        public const string DmaAdapterArgument = "NDMA4019";

        /// <summary>DMA only on locked buffers.</summary>
        public const string DmaOnLockedBuffers = "NDMA4020";

        /// <summary>DmaTransferContext unique across outstanding allocation requests.</summary>
        public const string UniqueDmaTransferContext = "NDMA4021";

        /// <summary>FreeAdapterObject after a routine-less AllocateAdapterChannelEx.</summary>
        public const string FreeAdapterObjectWhenDone = "NDMA4022";

        /// <summary>The device gets AllocateCommonBuffer's LogicalAddress.</summary>
        public const string CommonBufferLogicalAddress = "NDMA4023";

        /// <summary>DMA buffers start and end on the GetDmaAlignment multiple.</summary>
        public const string DmaBufferAlignment = "NDMA4024";

        /// <summary>AlignmentRequirement set from GetDmaAlignment.</summary>
        public const string AlignmentRequirementFromAdapter = "NDMA4025";

        /// <summary>A split transfer advances CurrentVa and Length.</summary>
        public const string SplitTransferAdvances = "NDMA4026";

        /// <summary>Packet-DMA hardware uses only mapped, unflushed ranges.</summary>
        public const string DeviceUsesMappedRanges = "NDMA4027";

        /// <summary>An IRP is completed once (kit rule).</summary>
        public const string IrpCompletedOnce = "NDMA4028";

        /// <summary>AllocateAdapterChannelEx gets the Flags and ExecutionRoutine its page accepts.</summary>
        public const string AllocateAdapterChannelExParameters = "NDMA4029";

        /// <summary>DMA stays inside allocated buffers.</summary>
        public const string DmaInsideBuffers = "NDMA5001";

        /// <summary>Descriptors are 64-byte aligned and read whole.</summary>
        public const string DescriptorAlignment = "NDMA5002";

        /// <summary>Pool blocks freed once.</summary>
        public const string PoolFreedOnce = "NDMA5003";

        /// <summary>Data moved exactly as described.</summary>
        public const string DataCopiedExactly = "NDMA5004";

        /// <summary>Completion status written as documented.</summary>
        public const string CompletionStatusWritten = "NDMA5005";

        /// <summary>No pool leak at removal.</summary>
        public const string NoLeakAtRemove = "NDMA5006";

        /// <summary>No completion status for a descriptor without NET_DMA_STATUS_UPDATE_ON_COMPLETION.</summary>
        public const string CompletionOnlyWhenRequested = "NDMA5007";

        /// <summary>Completion status Active while more remain, Idle after the last, Armed only before the first.</summary>
        public const string CompletionStateMatchesProgress = "NDMA5008";

        /// <summary>After ProviderResumeDma the engine rereads the last processed descriptor.</summary>
        public const string ResumeRereadsLastDescriptor = "NDMA5009";

        /// <summary>UserContext1 and UserContext2 are left to NetDMA.</summary>
        public const string UserContextUntouched = "NDMA5010";

        /// <summary>NET_DMA_SERIALIZE_TRANSFER: writes complete before the next descriptor's data is read.</summary>
        public const string SerializeTransferOrder = "NDMA5011";

        /// <summary>Page breaks continue at NextSourceAddress / NextDestinationAddress.</summary>
        public const string PageBreakFollowed = "NDMA5012";

        /// <summary>A context change descriptor moves no data.</summary>
        public const string ContextChangeMovesNoData = "NDMA5013";

        /// <summary>A failed ProviderAllocateDmaChannel releases the pool it allocated.</summary>
        public const string FailedAllocationReleases = "NDMA5015";

        /// <summary>The engine goes idle after the submitted descriptors.</summary>
        public const string EngineGoesIdle = "NDMA5017";
    }

    // NDMA1xxx: interrupt request levels.

    /// <summary>A NetDMA function or kernel routine is called only at an IRQL its contract allows.</summary>
    public static readonly Rule CallAtContractIrql = new(Ids.CallAtContractIrql, RuleLevel.MUST,
        "A NetDMA function or kernel routine is called only at an IRQL its contract allows, and never from the device's engine (hardware runs at no IRQL).", "irql-annotations-for-drivers.md")
    {
        Enforcement = RuleEnforcement.RunTime | RuleEnforcement.CompileTime,
    };

    /// <summary>No blocking wait at DISPATCH_LEVEL or above.</summary>
    public static readonly Rule NoBlockingWaitAtDispatch = new(Ids.NoBlockingWaitAtDispatch, RuleLevel.MUST,
        "Code running at DISPATCH_LEVEL or above never waits with a non-zero time-out.", "managing-hardware-priorities.md")
    {
        Enforcement = RuleEnforcement.RunTime | RuleEnforcement.CompileTime,
    };

    /// <summary>Paged pool only at APC_LEVEL or below.</summary>
    public static readonly Rule PagedPoolAtPassiveOrApc = new(Ids.PagedPoolAtPassiveOrApc, RuleLevel.MUST,
        "Paged pool is allocated and freed only at IRQL <= APC_LEVEL.", "managing-hardware-priorities.md")
    {
        Enforcement = RuleEnforcement.RunTime | RuleEnforcement.CompileTime,
    };

    /// <summary>KeRaiseIrql never lowers, KeLowerIrql never raises.</summary>
    public static readonly Rule RaiseUpLowerDown = new(Ids.RaiseUpLowerDown, RuleLevel.MUST,
        "KeRaiseIrql is never asked to lower the IRQL, KeLowerIrql never to raise it, and a restore (KeLowerIrql, KeReleaseSpinLock) takes an IRQL that was saved.", "irql-annotations-for-drivers.md")
    {
        Enforcement = RuleEnforcement.RunTime | RuleEnforcement.CompileTime,
    };

    /// <summary>A callback returns at the IRQL it was entered at.</summary>
    public static readonly Rule ReturnAtEntryIrql = new(Ids.ReturnAtEntryIrql, RuleLevel.MUST,
        "A driver routine returns at the IRQL it was called at.", "irql-annotations-for-drivers.md")
    {
        Enforcement = RuleEnforcement.RunTime | RuleEnforcement.CompileTime,
    };

    /// <summary>Spin locks: no recursion, released by the holder.</summary>
    public static readonly Rule SpinLockDiscipline = new(Ids.SpinLockDiscipline, RuleLevel.MUST,
        "A spin lock taken with KeAcquireSpinLock is released with KeReleaseSpinLock by the processor that holds it, before the routine that took it returns, and is never acquired again by that processor meanwhile.", "managing-hardware-priorities.md");

    /// <summary>An implementation keeps the IRQL contract of what it implements.</summary>
    public static readonly Rule ImplementationKeepsContractIrql = new(Ids.ImplementationKeepsContractIrql, RuleLevel.MUST,
        "A routine implementing a contract (an INetDmaProvider handler, a callback typedef) claims no weaker IRQL requirement than the contract states.", "irql-annotations-for-drivers.md")
    {
        Enforcement = RuleEnforcement.CompileTime,
    };

    /// <summary>A DPC object is initialized before use.</summary>
    public static readonly Rule DpcInitializedBeforeUse = new(Ids.DpcInitializedBeforeUse, RuleLevel.MUST,
        "A KDPC is passed to KeSetTargetProcessorDpc and KeInsertQueueDpc only after KeInitializeDpc initialized it.", "nf-wdm-keinsertqueuedpc.md");

    // NDMA2xxx: NTSTATUS results and callback completion.

    /// <summary>A callback returns only documented statuses.</summary>
    public static readonly Rule DocumentedStatusOnly = new(Ids.DocumentedStatusOnly, RuleLevel.MUST,
        "A provider callback returns only a status its reference page documents.", "nc-netdma-dma_channel_allocate_handler.md")
    {
        Enforcement = RuleEnforcement.RunTime | RuleEnforcement.CompileTime,
    };

    /// <summary>A callback returns instead of throwing.</summary>
    public static readonly Rule CallbackReturns = new(Ids.CallbackReturns, RuleLevel.MUST,
        "A driver routine, or the driver's simulated engine, returns to its caller; it does not throw (a crash in kernel mode is a bug check).", null);

    /// <summary>A callback returns in bounded time.</summary>
    public static readonly Rule CallbackTerminates = new(Ids.CallbackTerminates, RuleLevel.MUST,
        "A driver routine returns; it does not hang its caller (the kit gives up on a script after its watchdog budget).", "managing-hardware-priorities.md");

    /// <summary>Results of _Must_inspect_result_ routines are inspected.</summary>
    public static readonly Rule InspectResult = new(Ids.InspectResult, RuleLevel.MUST,
        "The result of a routine marked _Must_inspect_result_ (NetDmaRegisterProvider, AllocateAdapterChannel, IoGetDmaAdapter ...) is checked before its outputs are used.", "irql-annotations-for-drivers.md")
    {
        Enforcement = RuleEnforcement.CompileTime,
    };

    // NDMA3xxx: the NetDMA provider lifecycle and channels.

    /// <summary>Registration from AddDevice, once per device.</summary>
    public static readonly Rule RegisterInAddDevice = new(Ids.RegisterInAddDevice, RuleLevel.MUST,
        "NetDmaRegisterProvider is called from AddDevice, and not again while the device's provider is registered.", "nf-netdma-netdmaregisterprovider.md")
    {
        Enforcement = RuleEnforcement.RunTime | RuleEnforcement.CompileTime,
    };

    /// <summary>A successful allocation returns a distinct, non-null channel context.</summary>
    public static readonly Rule DistinctChannelContext = new(Ids.DistinctChannelContext, RuleLevel.MUST,
        "A successful ProviderAllocateDmaChannel returns a non-null channel context distinct from every live channel's.", "nc-netdma-dma_channel_allocate_handler.md")
    {
        Enforcement = RuleEnforcement.RunTime | RuleEnforcement.CompileTime,
    };

    /// <summary>CpuNumber written before returning.</summary>
    public static readonly Rule CpuNumberReported = new(Ids.CpuNumberReported, RuleLevel.MUST,
        "A successful ProviderAllocateDmaChannel writes the interrupt DPC's CPU number to ChannelParameters->CpuNumber.", "nc-netdma-dma_channel_allocate_handler.md")
    {
        Enforcement = RuleEnforcement.RunTime | RuleEnforcement.CompileTime,
    };

    /// <summary>CpuNumber within the affinity mask.</summary>
    public static readonly Rule CpuNumberInMask = new(Ids.CpuNumberInMask, RuleLevel.MUST,
        "CpuNumber is an active CPU whose bit is set in ProcessorAffinityMask.", "nc-netdma-dma_channel_allocate_handler.md");

    /// <summary>The interrupt DPC runs on CpuNumber.</summary>
    public static readonly Rule DpcOnReportedCpu = new(Ids.DpcOnReportedCpu, RuleLevel.MUST,
        "A channel's interrupt DPC, and so its NetDmaInterruptDpc call, runs on the CPU reported in CpuNumber.", "nc-netdma-dma_channel_allocate_handler.md");

    /// <summary>NetDmaIsr and NetDmaInterruptDpc name live channels of the caller.</summary>
    public static readonly Rule LiveChannelHandle = new(Ids.LiveChannelHandle, RuleLevel.MUST,
        "NetDmaIsr and NetDmaInterruptDpc name a channel handle NetDMA passed to a successful ProviderAllocateDmaChannel.", "nf-netdma-netdmaisr.md");

    /// <summary>Start, stop, deregister in order.</summary>
    public static readonly Rule ProviderStateOrder = new(Ids.ProviderStateOrder, RuleLevel.MUST,
        "NetDmaProviderStart follows a successful registration or a NetDmaProviderStop (never a start), NetDmaProviderStop follows a start, and NetDmaDeregisterProvider follows NetDmaProviderStop.", "nf-netdma-netdmaproviderstop.md");

    /// <summary>A valid provider handle.</summary>
    public static readonly Rule ValidProviderHandle = new(Ids.ValidProviderHandle, RuleLevel.MUST,
        "NetDmaXxx functions receive the provider handle NetDmaRegisterProvider returned, before it is deregistered.", "nf-netdma-netdmaregisterprovider.md");

    /// <summary>Required entry points present; Suspend with Resume.</summary>
    public static readonly Rule CompleteCharacteristics = new(Ids.CompleteCharacteristics, RuleLevel.MUST,
        "NetDmaRegisterProvider receives a NET_DMA_PROVIDER_CHARACTERISTICS that sets AllocateDmaChannel, FreeDmaChannel, StartDma and AppendDma (and SetDmaChannelCpuAffinity where the platform supports MSI-X, since NetDMA calls it during registration), sets ResumeDma whenever SuspendDma is set, and has MaxDmaChannelCount >= 1.", "ns-netdma-_net_dma_provider_characteristics.md");

    /// <summary>Channel count within the registered maximum.</summary>
    public static readonly Rule ChannelCountWithinMax = new(Ids.ChannelCountWithinMax, RuleLevel.MUST,
        "NetDmaProviderStart receives a NET_DMA_PROVIDER_ATTRIBUTES (not NULL) whose DmaChannelCount does not exceed the registered MaxDmaChannelCount, its maximum.", "ns-netdma-_net_dma_provider_attributes.md");

    /// <summary>Provider version not above the interface version.</summary>
    public static readonly Rule VersionNotAboveInterface = new(Ids.VersionNotAboveInterface, RuleLevel.MUST,
        "The provider registers a version no higher than the NetDMA interface version NetDmaGetVersion reports.", "nf-netdma-netdmagetversion.md");

    /// <summary>Suspend reports the last processed descriptor and halts.</summary>
    public static readonly Rule SuspendHalts = new(Ids.SuspendHalts, RuleLevel.MUST,
        "ProviderSuspendDma completes the current descriptor before it returns and sets pLastDescriptor to the last descriptor the engine processed; the engine fetches no descriptor of the suspended channel until ProviderResumeDma.", "nc-netdma-dma_suspend_handler.md");

    /// <summary>Abort and reset forget submitted descriptors.</summary>
    public static readonly Rule AbortResetForget = new(Ids.AbortResetForget, RuleLevel.MUST,
        "After ProviderResetChannel (and, by the abort page's \"cancels all scheduled transfers\", after ProviderAbortDma) the engine fetches none of the previously submitted descriptors.", "nc-netdma-dma_reset_handler.md");

    /// <summary>Interrupt on completion is delivered through NetDmaIsr and the DPC.</summary>
    public static readonly Rule InterruptOnCompletionDelivered = new(Ids.InterruptOnCompletionDelivered, RuleLevel.SHOULD,
        "A processed descriptor with NET_DMA_INTERRUPT_ON_COMPLETION leads to NetDmaIsr and then NetDmaInterruptDpc for its channel.", "nf-netdma-netdmaisr.md");

    /// <summary>Nothing for a channel after it is freed.</summary>
    public static readonly Rule NothingAfterFree = new(Ids.NothingAfterFree, RuleLevel.MUST,
        "After ProviderFreeDmaChannel returns, the engine fetches none of the channel's descriptors and writes none of its completion status, and the provider calls no NetDMA function for the channel.", "nc-netdma-dma_channel_free_handler.md");

    /// <summary>Providers report only power transitions.</summary>
    public static readonly Rule PnPEventPowerCodesOnly = new(Ids.PnPEventPowerCodesOnly, RuleLevel.MUST,
        "NetDmaPnPEventNotify is given a NET_DMA_PNP_NOTIFICATION (not NULL) whose code is NetDmaNotificationProviderPowerDown or NetDmaNotificationProviderPowerUp; the other codes are NetDMA's own.", "ne-netdma-_net_dma_pnp_notification_code.md");

    /// <summary>Registration arguments as documented.</summary>
    public static readonly Rule RegistrationAsDocumented = new(Ids.RegistrationAsDocumented, RuleLevel.MUST,
        "NetDmaRegisterProvider receives a driver-allocated ProviderContext and NET_DMA_PROVIDER_CHARACTERISTICS with Size = sizeof(NET_DMA_PROVIDER_CHARACTERISTICS), Flags = 0 from a NetDMA 1.0 or 1.1 provider, the PhysicalDeviceObject AddDevice received, and NULL for every optional ProviderXxx function the provider does not support.", "ns-netdma-_net_dma_provider_characteristics.md");

    /// <summary>Provider attributes as documented.</summary>
    public static readonly Rule AttributesAsDocumented = new(Ids.AttributesAsDocumented, RuleLevel.MUST,
        "NET_DMA_PROVIDER_ATTRIBUTES has Size = sizeof(NET_DMA_PROVIDER_ATTRIBUTES), Flags = 0, the VendorId of the device's PCI configuration space and a MaximumTransferSize of at least 4 KB.", "ns-netdma-_net_dma_provider_attributes.md");

    /// <summary>PnP notification structure as documented.</summary>
    public static readonly Rule PnPNotificationAsDocumented = new(Ids.PnPNotificationAsDocumented, RuleLevel.MUST,
        "NET_DMA_PNP_NOTIFICATION has StructureRevision = NET_DMA_PNP_NOTIFICATION_REVISION_1, StructureSize = sizeof(NET_DMA_PNP_NOTIFICATION), and Buffer = NULL with BufferLength = 0 for the power-down and power-up codes.", "ns-netdma-_net_dma_pnp_notification.md");

    /// <summary>PowerDown before leaving D0, PowerUp after returning to D0.</summary>
    public static readonly Rule PowerNotificationsInOrder = new(Ids.PowerNotificationsInOrder, RuleLevel.MUST,
        "The provider reports NetDmaNotificationProviderPowerDown before its device leaves the working power state and NetDmaNotificationProviderPowerUp after the device is back in it.", "ne-netdma-_net_dma_pnp_notification_code.md");

    /// <summary>NetDmaGetVersion only after NdisGetRoutineAddress found it.</summary>
    public static readonly Rule GetVersionLookedUp = new(Ids.GetVersionLookedUp, RuleLevel.MUST,
        "A provider calls NetDmaGetVersion only after NdisGetRoutineAddress returned its entry point (NetDMA 1.0 does not export it).", "nf-netdma-netdmagetversion.md");
    /// <summary>MSI-X requests follow the affinities NetDMA gave.</summary>
    public static readonly Rule MsiXRequestsFollowAffinities = new(Ids.MsiXRequestsFollowAffinities, RuleLevel.MUST,
        "With MSI-X, IRP_MN_FILTER_RESOURCE_REQUIREMENTS asks for interrupts on the CPUs ProviderSetDmaChannelCpuAffinity received, one for each channel the provider starts, as soon as AddDevice returns.", "setting-the-netdma-interrupt-cpu-affinities.md");

    /// <summary>With MSI-X, a channel whose interrupt CPU is in the mask is taken first.</summary>
    public static readonly Rule MsiXChannelMatchesMask = new(Ids.MsiXChannelMatchesMask, RuleLevel.MUST,
        "With MSI-X, ProviderAllocateDmaChannel takes a free channel whose interrupt targets a CPU in ProcessorAffinityMask when there is one, and reports that CPU in CpuNumber.", "nc-netdma-dma_channel_allocate_handler.md");

    /// <summary>The first NetDmaProviderStart comes from IRP_MN_START_DEVICE.</summary>
    public static readonly Rule ProviderStartInStartDevice = new(Ids.ProviderStartInStartDevice, RuleLevel.MUST,
        "A registered provider first calls NetDmaProviderStart, with its attributes, while handling IRP_MN_START_DEVICE (later starts may follow a NetDmaProviderStop).", "nf-netdma-netdmaproviderstart.md");

    /// <summary>Ready for every request before NetDmaProviderStart.</summary>
    public static readonly Rule ReadyBeforeProviderStart = new(Ids.ReadyBeforeProviderStart, RuleLevel.MUST,
        "Before it calls NetDmaProviderStart the provider is ready for every NetDMA request, such as allocating a channel and transferring on it.", "starting-a-netdma-provider.md");

    /// <summary>KeSetTargetProcessorDpc gets an active processor.</summary>
    public static readonly Rule DpcTargetActiveProcessor = new(Ids.DpcTargetActiveProcessor, RuleLevel.SHOULD,
        "KeSetTargetProcessorDpc is given the number of an active processor (for another number the target does not change).", "nf-ntddk-kesettargetprocessordpc.md");

    /// <summary>Interrupts only on granted messages, after the ISR is connected (kit rule).</summary>
    public static readonly Rule InterruptOnGrantedMessage = new(Ids.InterruptOnGrantedMessage, RuleLevel.MUST,
        "A device signals only interrupt messages it was granted, after its ISR is connected.", null);

    /// <summary>Deregistration while handling IRP_MN_REMOVE_DEVICE.</summary>
    public static readonly Rule DeregisterAtRemove = new(Ids.DeregisterAtRemove, RuleLevel.SHOULD,
        "A provider calls NetDmaDeregisterProvider while handling IRP_MN_REMOVE_DEVICE, so it is deregistered once the device is removed (the page says \"typically\").", "nf-netdma-netdmaderegisterprovider.md");

    /// <summary>An ISR is connected once per device (kit rule: the corpus has no IoConnectInterruptEx page).</summary>
    public static readonly Rule InterruptConnectedOnce = new(Ids.InterruptConnectedOnce, RuleLevel.MUST,
        "IoConnectInterruptEx is not called for a device whose ISR is still connected; the interrupt is connected again only after IoDisconnectInterruptEx.", null);

    /// <summary>NetDmaIsr names a descriptor the engine processed.</summary>
    public static readonly Rule IsrNamesProcessedDescriptor = new(Ids.IsrNamesProcessedDescriptor, RuleLevel.MUST,
        "NetDmaIsr's DmaDescriptor is the physical address of a descriptor of that channel the engine completed (or was processing when it interrupted).", "handling-a-netdma-interrupt.md");

    /// <summary>NetDmaInterruptDpc names the last completed descriptor, or NULL on an error.</summary>
    public static readonly Rule DpcNamesLastCompleted = new(Ids.DpcNamesLastCompleted, RuleLevel.MUST,
        "NetDmaInterruptDpc's DmaDescriptor is NULL or the physical address of the last descriptor the engine completed on that channel, and NULL when the call reports an error.", "handling-a-netdma-interrupt-dpc.md");

    /// <summary>NetDmaInterruptDpc is called from the interrupt DPC.</summary>
    public static readonly Rule DpcReportFromDpc = new(Ids.DpcReportFromDpc, RuleLevel.MUST,
        "The provider calls NetDmaInterruptDpc from its interrupt DPC routine.", "nf-netdma-netdmainterruptdpc.md");

    /// <summary>Outstanding DMA operations complete while NetDMA waits for them.</summary>
    public static readonly Rule OutstandingDmaCompletes = new(Ids.OutstandingDmaCompletes, RuleLevel.MUST,
        "The DMA operations outstanding on a channel complete, or halt on an error, while NetDMA waits for them before ProviderFreeDmaChannel and before NetDmaProviderStop returns.", "nf-netdma-netdmaproviderstop.md");

    // NDMA4xxx: the WDM adapter channel and map registers.

    /// <summary>One queued AllocateAdapterChannel per device object.</summary>
    public static readonly Rule OneRequestPerDevice = new(Ids.OneRequestPerDevice, RuleLevel.MUST,
        "AllocateAdapterChannel is not called for a device object while its previous request still waits for its AdapterControl routine to run (applied to AllocateAdapterChannelEx too).", "nc-wdm-pallocate_adapter_channel.md");

    /// <summary>Not from inside AdapterControl.</summary>
    public static readonly Rule NotFromAdapterControl = new(Ids.NotFromAdapterControl, RuleLevel.MUST,
        "AllocateAdapterChannel is never called from inside an AdapterControl routine (applied to AllocateAdapterChannelEx too).", "nc-wdm-pallocate_adapter_channel.md")
    {
        Enforcement = RuleEnforcement.RunTime | RuleEnforcement.CompileTime,
    };

    /// <summary>Map registers within the IoGetDmaAdapter maximum.</summary>
    public static readonly Rule MapRegistersWithinMax = new(Ids.MapRegistersWithinMax, RuleLevel.MUST,
        "NumberOfMapRegisters does not exceed the maximum IoGetDmaAdapter returned.", "nf-wdm-iogetdmaadapter.md")
    {
        Enforcement = RuleEnforcement.RunTime | RuleEnforcement.CompileTime,
    };

    /// <summary>Flush before freeing map registers.</summary>
    public static readonly Rule FlushBeforeFree = new(Ids.FlushBeforeFree, RuleLevel.MUST,
        "FlushAdapterBuffers is called for a mapped transfer before its map registers are released (FreeMapRegisters, FreeAdapterChannel, FreeAdapterObject, or AdapterControl returning DeallocateObject).", "nc-wdm-pflush_adapter_buffers.md");

    /// <summary>No double or unmatched free.</summary>
    public static readonly Rule FreeOnceAndMatching = new(Ids.FreeOnceAndMatching, RuleLevel.MUST,
        "Adapter channels, map registers, adapter objects, common buffers, scatter/gather lists and adapters are freed once, with the routine and arguments that match their allocation (for map registers and channels, AdapterControl's IO_ALLOCATION_ACTION).", "dma-verification.md");

    /// <summary>MapTransfer only with held map registers, within the MDL.</summary>
    public static readonly Rule MapWithinHeldRegisters = new(Ids.MapWithinHeldRegisters, RuleLevel.MUST,
        "MapTransfer uses a MapRegisterBase the driver holds and a range that fits its granted map registers; MapTransfer and GetScatterGatherList map a non-empty range inside the MDL.", "nc-wdm-pmap_transfer.md");

    /// <summary>Release everything before PutDmaAdapter.</summary>
    public static readonly Rule ReleaseBeforePut = new(Ids.ReleaseBeforePut, RuleLevel.MUST,
        "Every adapter channel, map register and common buffer is released before PutDmaAdapter, the adapter is not used after it, and it is put when the device is stopped (IRP_MN_STOP_DEVICE) or removed.", "nc-wdm-pput_dma_adapter.md");

    /// <summary>Bus-master AdapterControl returns DeallocateObject(KeepRegisters).</summary>
    public static readonly Rule BusMasterAllocationAction = new(Ids.BusMasterAllocationAction, RuleLevel.MUST,
        "AdapterControl returns an IO_ALLOCATION_ACTION, and a bus-master driver's returns DeallocateObject or DeallocateObjectKeepRegisters.", "nc-wdm-driver_control.md");

    /// <summary>FlushAdapterBuffers matches a MapTransfer.</summary>
    public static readonly Rule FlushMatchesMapping = new(Ids.FlushMatchesMapping, RuleLevel.MUST,
        "FlushAdapterBuffers is given a MapRegisterBase with a mapped transfer and that transfer's Mdl, initial CurrentVa and Length.", "nc-wdm-pflush_adapter_buffers.md");

    /// <summary>No mapping of a range already mapped.</summary>
    public static readonly Rule NoDoubleMapping = new(Ids.NoDoubleMapping, RuleLevel.MUST,
        "MapTransfer does not map an address range that is already mapped and not yet flushed.", "dma-verification.md");

    /// <summary>Flush before completing the IRP.</summary>
    public static readonly Rule FlushBeforeCompletingIrp = new(Ids.FlushBeforeCompletingIrp, RuleLevel.MUST,
        "FlushAdapterBuffers is called for every transfer mapped from an IRP's MDL before that IRP is completed.", "nc-wdm-pflush_adapter_buffers.md");

    /// <summary>AdapterControl's IO_ALLOCATION_ACTION matches what it did.</summary>
    public static readonly Rule AllocationActionMatchesWork = new(Ids.AllocationActionMatchesWork, RuleLevel.SHOULD,
        "An AdapterControl that completes an IRP returns DeallocateObject; otherwise a system-DMA driver's AdapterControl returns KeepObject.", "ne-wdm-_io_allocation_action.md");

    /// <summary>CurrentIrp set outside StartIo.</summary>
    public static readonly Rule CurrentIrpOutsideStartIo = new(Ids.CurrentIrpOutsideStartIo, RuleLevel.MUST,
        "Outside StartIo, the driver sets DeviceObject->CurrentIrp to the IRP it is processing before calling AllocateAdapterChannel.", "nc-wdm-driver_control.md");

    /// <summary>Complete the IRP after AllocateAdapterChannel fails.</summary>
    public static readonly Rule CompleteIrpAfterChannelFailure = new(Ids.CompleteIrpAfterChannelFailure, RuleLevel.SHOULD,
        "When AllocateAdapterChannel returns STATUS_INSUFFICIENT_RESOURCES, the driver completes the current IRP with an error status.", "nc-wdm-pallocate_adapter_channel.md");

    /// <summary>DEVICE_DESCRIPTION field values.</summary>
    public static readonly Rule DeviceDescriptionFields = new(Ids.DeviceDescriptionFields, RuleLevel.MUST,
        "DEVICE_DESCRIPTION.Reserved1 is FALSE, Master is TRUE for a bus-master device, and a version 3 bus-master description has DmaAddressWidth 1 to 64.", "ns-wdm-_device_description.md");

    /// <summary>ReadDmaCounter only for subordinate devices.</summary>
    public static readonly Rule ReadDmaCounterSubordinateOnly = new(Ids.ReadDmaCounterSubordinateOnly, RuleLevel.MUST,
        "ReadDmaCounter is called only by the driver of a subordinate DMA device.", "nc-wdm-pread_dma_counter.md");

    /// <summary>KeSetTargetProcessorDpc before KeInsertQueueDpc.</summary>
    public static readonly Rule TargetDpcBeforeQueue = new(Ids.TargetDpcBeforeQueue, RuleLevel.MUST,
        "KeSetTargetProcessorDpc is called before the KeInsertQueueDpc that queues the DPC, not while the DPC is queued.", "nf-wdm-kesettargetprocessordpc.md");

    /// <summary>IoGetDmaAdapter from AddDevice or IRP_MN_START_DEVICE.</summary>
    public static readonly Rule DmaAdapterFromAddOrStart = new(Ids.DmaAdapterFromAddOrStart, RuleLevel.SHOULD,
        "A PnP driver calls IoGetDmaAdapter from its AddDevice routine or while handling IRP_MN_START_DEVICE.", "nf-wdm-iogetdmaadapter.md");

    /// <summary>No NULL DMA_ADAPTER.</summary>
    public static readonly Rule DmaAdapterArgument = new(Ids.DmaAdapterArgument, RuleLevel.MUST,
        "Every DMA_OPERATIONS routine is passed, as DmaAdapter, the DMA_ADAPTER IoGetDmaAdapter returned with those DMA_OPERATIONS: never NULL, never another object.", "dma-verification.md");

    /// <summary>DMA only on locked buffers.</summary>
    public static readonly Rule DmaOnLockedBuffers = new(Ids.DmaOnLockedBuffers, RuleLevel.MUST,
        "DMA is done only on locked buffers: MapTransfer and GetScatterGatherList never map pageable (paged-pool) memory.", "dma-verification.md");

    /// <summary>DmaTransferContext unique across outstanding allocation requests.</summary>
    public static readonly Rule UniqueDmaTransferContext = new(Ids.UniqueDmaTransferContext, RuleLevel.MUST,
        "AllocateAdapterChannelEx is never given the DmaTransferContext of an allocation request still outstanding (waiting, or holding its adapter channel or map registers).", "nc-wdm-pallocate_adapter_channel_ex.md");

    /// <summary>FreeAdapterObject after a routine-less AllocateAdapterChannelEx.</summary>
    public static readonly Rule FreeAdapterObjectWhenDone = new(Ids.FreeAdapterObjectWhenDone, RuleLevel.MUST,
        "A driver that called AllocateAdapterChannelEx with DMA_SYNCHRONOUS_CALLBACK and no ExecutionRoutine calls FreeAdapterObject when it has finished with the resources (checked at PutDmaAdapter and when the device is stopped or removed).", "nc-wdm-pallocate_adapter_channel_ex.md");

    /// <summary>The device gets AllocateCommonBuffer's LogicalAddress.</summary>
    public static readonly Rule CommonBufferLogicalAddress = new(Ids.CommonBufferLogicalAddress, RuleLevel.MUST,
        "The device reaches a common buffer through the LogicalAddress AllocateCommonBuffer returned, not through its CPU physical address (MmGetPhysicalAddress).", "nc-wdm-pallocate_common_buffer.md");

    /// <summary>DMA buffers start and end on the GetDmaAlignment multiple.</summary>
    public static readonly Rule DmaBufferAlignment = new(Ids.DmaBufferAlignment, RuleLevel.MUST,
        "The CurrentVa and Length a driver gives MapTransfer and GetScatterGatherList are multiples of GetDmaAlignment's value (judged for an MDL whose own start and length are).", "nc-wdm-pget_dma_alignment.md");

    /// <summary>AlignmentRequirement set from GetDmaAlignment.</summary>
    public static readonly Rule AlignmentRequirementFromAdapter = new(Ids.AlignmentRequirementFromAdapter, RuleLevel.SHOULD,
        "When IRP_MN_START_DEVICE has been handled, the device object's AlignmentRequirement covers the adapter's GetDmaAlignment value (AlignmentRequirement + 1 is a multiple of it).", "nc-wdm-pget_dma_alignment.md");

    /// <summary>A split transfer advances CurrentVa and Length.</summary>
    public static readonly Rule SplitTransferAdvances = new(Ids.SplitTransferAdvances, RuleLevel.MUST,
        "A transfer split into several DMA operations updates CurrentVa and Length for each MapTransfer: a MapTransfer of an MDL never starts inside the piece of it mapped and flushed before.", "nc-wdm-pmap_transfer.md");

    /// <summary>Packet-DMA hardware uses only mapped, unflushed ranges.</summary>
    public static readonly Rule DeviceUsesMappedRanges = new(Ids.DeviceUsesMappedRanges, RuleLevel.MUST,
        "A device that has a DMA adapter reads and writes memory only at logical addresses its adapter maps: a MapTransfer range not yet flushed, a scatter/gather list not yet put, or a common buffer.", "dma-verification.md");

    /// <summary>An IRP is completed once (kit rule: the corpus has no IoCompleteRequest page).</summary>
    public static readonly Rule IrpCompletedOnce = new(Ids.IrpCompletedOnce, RuleLevel.MUST,
        "IoCompleteRequest is called once for an IRP: an IRP already completed is not completed again.", null);

    /// <summary>AllocateAdapterChannelEx gets the Flags and ExecutionRoutine its page accepts.</summary>
    public static readonly Rule AllocateAdapterChannelExParameters = new(Ids.AllocateAdapterChannelExParameters, RuleLevel.MUST,
        "AllocateAdapterChannelEx is given no Flags but DMA_SYNCHRONOUS_CALLBACK, the one flag the page supports, and an ExecutionRoutine unless DMA_SYNCHRONOUS_CALLBACK is set (the call fails when MapRegisterBase and ExecutionRoutine are both NULL, and MapRegisterBase is NULL without that flag).", "nc-wdm-pallocate_adapter_channel_ex.md");

    // NDMA5xxx: memory, descriptors and pool.

    /// <summary>DMA stays inside allocated buffers.</summary>
    public static readonly Rule DmaInsideBuffers = new(Ids.DmaInsideBuffers, RuleLevel.MUST,
        "Every DMA read and write lies inside one live allocated buffer (no overrun or underrun of a DMA buffer).", "dma-verification.md");

    /// <summary>Descriptors are 64-byte aligned and read whole.</summary>
    public static readonly Rule DescriptorAlignment = new(Ids.DescriptorAlignment, RuleLevel.MUST,
        "The engine fetches whole descriptors at 64-byte-aligned physical addresses, and only descriptors NetDMA submitted.", "ns-netdma-_net_dma_channel_parameters.md");

    /// <summary>Pool blocks freed once.</summary>
    public static readonly Rule PoolFreedOnce = new(Ids.PoolFreedOnce, RuleLevel.MUST,
        "A pool block is freed exactly once, and only a block that was allocated.", null);

    /// <summary>Data moved exactly as described.</summary>
    public static readonly Rule DataCopiedExactly = new(Ids.DataCopiedExactly, RuleLevel.MUST,
        "Each descriptor the engine completes leaves at DestinationAddress exactly the TransferSize bytes at SourceAddress, and the engine writes nothing else.", "ns-netdma-_net_dma_descriptor.md");

    /// <summary>Completion status written as documented.</summary>
    public static readonly Rule CompletionStatusWritten = new(Ids.CompletionStatusWritten, RuleLevel.MUST,
        "With NET_DMA_STATUS_UPDATE_ON_COMPLETION the engine writes the physical address of the descriptor it processed last ORed with its NET_DMA_TRANSFER_STATUS.", "ns-netdma-_net_dma_channel_parameters.md");

    /// <summary>No pool leak at removal.</summary>
    public static readonly Rule NoLeakAtRemove = new(Ids.NoLeakAtRemove, RuleLevel.SHOULD,
        "Every pool block the driver allocated is freed by the time its device is removed.", null);

    /// <summary>No completion status for a descriptor without NET_DMA_STATUS_UPDATE_ON_COMPLETION.</summary>
    public static readonly Rule CompletionOnlyWhenRequested = new(Ids.CompletionOnlyWhenRequested, RuleLevel.MUST,
        "The engine does not write the completion status for a descriptor whose ControlFlags lack NET_DMA_STATUS_UPDATE_ON_COMPLETION.", "ns-netdma-_net_dma_descriptor.md");

    /// <summary>Completion status Active while more remain, Idle after the last, Armed only before the first.</summary>
    public static readonly Rule CompletionStateMatchesProgress = new(Ids.CompletionStateMatchesProgress, RuleLevel.MUST,
        "A completion status for a completed descriptor is NetDmaTransferStatusActive when more descriptors remain and NetDmaTransferStatusIdle after the last; NetDmaTransferStatusArmed only before the first descriptor completes.", "ns-netdma-_net_dma_channel_parameters.md");

    /// <summary>After ProviderResumeDma the engine rereads the last processed descriptor.</summary>
    public static readonly Rule ResumeRereadsLastDescriptor = new(Ids.ResumeRereadsLastDescriptor, RuleLevel.MUST,
        "After ProviderResumeDma the engine reloads the descriptor it processed last, to get its new NextDescriptor, before it fetches any other.", "nc-netdma-dma_resume_handler.md");

    /// <summary>UserContext1 and UserContext2 are left to NetDMA.</summary>
    public static readonly Rule UserContextUntouched = new(Ids.UserContextUntouched, RuleLevel.MUST,
        "The provider and its engine do not change UserContext1 or UserContext2 of a descriptor; they are reserved for the NetDMA interface.", "ns-netdma-_net_dma_descriptor.md");

    /// <summary>NET_DMA_SERIALIZE_TRANSFER: writes complete before the next descriptor's data is read.</summary>
    public static readonly Rule SerializeTransferOrder = new(Ids.SerializeTransferOrder, RuleLevel.MUST,
        "With NET_DMA_SERIALIZE_TRANSFER, all writes of the descriptor, data and completion status, are complete before the engine reads the next descriptor's data.", "ns-netdma-_net_dma_descriptor.md");

    /// <summary>Page breaks continue at NextSourceAddress / NextDestinationAddress.</summary>
    public static readonly Rule PageBreakFollowed = new(Ids.PageBreakFollowed, RuleLevel.MUST,
        "With NET_DMA_SOURCE_PAGE_BREAK (NET_DMA_DESTINATION_PAGE_BREAK) a NetDMA 2.0 provider copies from SourceAddress (to DestinationAddress) up to the end of its page and continues at NextSourceAddress (NextDestinationAddress).", "ns-netdma-_net_dma_descriptor.md");

    /// <summary>A context change descriptor moves no data.</summary>
    public static readonly Rule ContextChangeMovesNoData = new(Ids.ContextChangeMovesNoData, RuleLevel.MUST,
        "The engine identifies a NET_DMA_OP_TYPE_CONTEXT_CHANGE descriptor as a context change descriptor: its TransferSize is a DCA context, and no data is read or written for it.", "ns-netdma-_net_dma_descriptor.md");

    /// <summary>A failed ProviderAllocateDmaChannel releases the pool it allocated.</summary>
    public static readonly Rule FailedAllocationReleases = new(Ids.FailedAllocationReleases, RuleLevel.SHOULD,
        "A ProviderAllocateDmaChannel that fails releases the resources (pool blocks) it allocated during the call.", "allocating-a-netdma-channel.md");

    /// <summary>The engine goes idle after the submitted descriptors.</summary>
    public static readonly Rule EngineGoesIdle = new(Ids.EngineGoesIdle, RuleLevel.MUST,
        "An engine processes the descriptors NetDMA submitted and then goes idle; it does not run on past DescriptorCount or the end of the chain.", "nc-netdma-dma_start_handler.md");

    /// <summary>The rule with ID <paramref name="id"/>, or null.</summary>
    public static Rule? Find(string id) => System.Array.Find(All, rule => rule.Id == id);

    /// <summary>Every rule, in ID order.</summary>
    public static readonly Rule[] All =
    [
        CallAtContractIrql, NoBlockingWaitAtDispatch, PagedPoolAtPassiveOrApc, RaiseUpLowerDown,
        ReturnAtEntryIrql, SpinLockDiscipline, ImplementationKeepsContractIrql, DpcInitializedBeforeUse, DocumentedStatusOnly,
        CallbackReturns, CallbackTerminates, InspectResult, RegisterInAddDevice,
        DistinctChannelContext, CpuNumberReported, CpuNumberInMask, DpcOnReportedCpu,
        LiveChannelHandle, ProviderStateOrder, ValidProviderHandle, CompleteCharacteristics,
        ChannelCountWithinMax, VersionNotAboveInterface, SuspendHalts, AbortResetForget,
        InterruptOnCompletionDelivered, NothingAfterFree, PnPEventPowerCodesOnly, RegistrationAsDocumented,
        AttributesAsDocumented, PnPNotificationAsDocumented, PowerNotificationsInOrder, GetVersionLookedUp,
        IsrNamesProcessedDescriptor, DpcNamesLastCompleted, DpcReportFromDpc,
        MsiXRequestsFollowAffinities, MsiXChannelMatchesMask, ProviderStartInStartDevice, ReadyBeforeProviderStart,
        DpcTargetActiveProcessor, OutstandingDmaCompletes, InterruptOnGrantedMessage, DeregisterAtRemove, InterruptConnectedOnce, OneRequestPerDevice,
        NotFromAdapterControl, MapRegistersWithinMax, FlushBeforeFree, FreeOnceAndMatching,
        MapWithinHeldRegisters, ReleaseBeforePut, BusMasterAllocationAction, FlushMatchesMapping,
        NoDoubleMapping, FlushBeforeCompletingIrp, AllocationActionMatchesWork, CurrentIrpOutsideStartIo,
        CompleteIrpAfterChannelFailure, DeviceDescriptionFields, ReadDmaCounterSubordinateOnly, TargetDpcBeforeQueue,
        DmaAdapterFromAddOrStart, DmaAdapterArgument, DmaOnLockedBuffers, UniqueDmaTransferContext, FreeAdapterObjectWhenDone,
        CommonBufferLogicalAddress, DmaBufferAlignment, AlignmentRequirementFromAdapter, SplitTransferAdvances, DeviceUsesMappedRanges,
        IrpCompletedOnce, AllocateAdapterChannelExParameters, DmaInsideBuffers,
        DescriptorAlignment, PoolFreedOnce, DataCopiedExactly, CompletionStatusWritten,
        NoLeakAtRemove,
        CompletionOnlyWhenRequested, CompletionStateMatchesProgress, ResumeRereadsLastDescriptor, UserContextUntouched,
        SerializeTransferOrder, PageBreakFollowed, ContextChangeMovesNoData, FailedAllocationReleases, EngineGoesIdle,
    ];
}
