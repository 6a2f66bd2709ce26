namespace NetDma.ConformanceKit.Rules;

/// <summary>NDMA3xxx: the NetDMA provider lifecycle and channels.</summary>
public static class LifecycleRules
{
    /// <summary>Registration from AddDevice, once per device.</summary>
    public static readonly Rule RegisterInAddDevice = new("NDMA3001", RuleLevel.MUST,
        "NetDmaRegisterProvider is called from AddDevice, once per device.", "nf-netdma-netdmaregisterprovider.md")
    {
        Enforcement = RuleEnforcement.RunTime | RuleEnforcement.CompileTime,
    };

    /// <summary>A successful allocation returns a distinct, non-null channel context.</summary>
    public static readonly Rule DistinctChannelContext = new("NDMA3002", RuleLevel.MUST,
        "A successful ProviderAllocateDmaChannel returns a non-null channel context distinct from every live channel's.", "nc-netdma-dma_channel_allocate_handler.md")
    {
        Enforcement = RuleEnforcement.RunTime | RuleEnforcement.CompileTime,
    };

    /// <summary>CpuNumber written before returning.</summary>
    public static readonly Rule CpuNumberReported = new("NDMA3003", RuleLevel.MUST,
        "A successful ProviderAllocateDmaChannel writes the interrupt DPC's CPU number to ChannelParameters->CpuNumber.", "nc-netdma-dma_channel_allocate_handler.md")
    {
        Enforcement = RuleEnforcement.RunTime | RuleEnforcement.CompileTime,
    };

    /// <summary>CpuNumber within the affinity mask.</summary>
    public static readonly Rule CpuNumberInMask = new("NDMA3004", RuleLevel.MUST,
        "CpuNumber is an active CPU whose bit is set in ProcessorAffinityMask (with no MSI-X match, the DPC is retargeted with KeSetTargetProcessorDpc to such a CPU).", "ns-netdma-_net_dma_channel_parameters.md");

    /// <summary>The interrupt DPC runs on CpuNumber.</summary>
    public static readonly Rule DpcOnReportedCpu = new("NDMA3005", RuleLevel.MUST,
        "A channel's interrupt DPC, and so its NetDmaInterruptDpc call, runs on the CPU reported in CpuNumber.", "nc-netdma-dma_channel_allocate_handler.md");

    /// <summary>NetDmaIsr and NetDmaInterruptDpc name live channels of the caller.</summary>
    public static readonly Rule LiveChannelHandle = new("NDMA3006", RuleLevel.MUST,
        "NetDmaIsr and NetDmaInterruptDpc name a channel handle NetDMA gave this provider and has not freed.", "nf-netdma-netdmaisr.md");

    /// <summary>Start, stop, deregister in order.</summary>
    public static readonly Rule ProviderStateOrder = new("NDMA3007", RuleLevel.MUST,
        "NetDmaProviderStart follows a successful registration, NetDmaProviderStop follows a start, and NetDmaDeregisterProvider follows NetDmaProviderStop.", "nf-netdma-netdmaproviderstop.md");

    /// <summary>A valid provider handle.</summary>
    public static readonly Rule ValidProviderHandle = new("NDMA3008", RuleLevel.MUST,
        "NetDmaXxx functions receive the provider handle NetDmaRegisterProvider returned, before it is deregistered.", "nf-netdma-netdmaregisterprovider.md");

    /// <summary>Required entry points present; Suspend with Resume.</summary>
    public static readonly Rule CompleteCharacteristics = new("NDMA3009", RuleLevel.MUST,
        "NET_DMA_PROVIDER_CHARACTERISTICS sets every required entry point, and ResumeDma whenever SuspendDma is set.", "ns-netdma-_net_dma_provider_characteristics.md");

    /// <summary>Channel count within the registered maximum.</summary>
    public static readonly Rule ChannelCountWithinMax = new("NDMA3010", RuleLevel.MUST,
        "NET_DMA_PROVIDER_ATTRIBUTES.DmaChannelCount does not exceed the registered MaxDmaChannelCount.", "nc-netdma-dma_channels_cpu_affinity_handler.md");

    /// <summary>Provider version not above the interface version.</summary>
    public static readonly Rule VersionNotAboveInterface = new("NDMA3011", RuleLevel.MUST,
        "The provider registers a version no higher than the NetDMA interface version NetDmaGetVersion reports.", "nf-netdma-netdmagetversion.md");

    /// <summary>Suspend reports the last processed descriptor and halts.</summary>
    public static readonly Rule SuspendHalts = new("NDMA3012", RuleLevel.MUST,
        "ProviderSuspendDma completes the current descriptor, reports it in pLastDescriptor, and the channel processes nothing more until ProviderResumeDma.", "nc-netdma-dma_suspend_handler.md");

    /// <summary>Abort and reset forget submitted descriptors.</summary>
    public static readonly Rule AbortResetForget = new("NDMA3013", RuleLevel.MUST,
        "After ProviderAbortDma or ProviderResetChannel the engine processes none of the previously submitted descriptors.", "nc-netdma-dma_reset_handler.md");

    /// <summary>Interrupt on completion is delivered through NetDmaIsr and the DPC.</summary>
    public static readonly Rule InterruptOnCompletionDelivered = new("NDMA3014", RuleLevel.MUST,
        "A processed descriptor with NET_DMA_INTERRUPT_ON_COMPLETION leads to NetDmaIsr and then NetDmaInterruptDpc for its channel.", "nf-netdma-netdmaisr.md");

    /// <summary>Nothing for a channel after it is freed.</summary>
    public static readonly Rule NothingAfterFree = new("NDMA3015", RuleLevel.MUST,
        "After ProviderFreeDmaChannel returns, the provider makes no DMA access and no NetDMA call for that channel.", "nc-netdma-dma_channel_free_handler.md");

    /// <summary>Providers report only power transitions.</summary>
    public static readonly Rule PnPEventPowerCodesOnly = new("NDMA3016", RuleLevel.MUST,
        "NetDmaPnPEventNotify reports only NetDmaNotificationProviderPowerDown or NetDmaNotificationProviderPowerUp; the other codes are NetDMA's own.", "ne-netdma-_net_dma_pnp_notification_code.md");

    /// <summary>Every rule of the area, in ID order.</summary>
    public static IReadOnlyList<Rule> All { get; } =
    [
        RegisterInAddDevice, DistinctChannelContext, CpuNumberReported, CpuNumberInMask, DpcOnReportedCpu,
        LiveChannelHandle, ProviderStateOrder, ValidProviderHandle, CompleteCharacteristics, ChannelCountWithinMax,
        VersionNotAboveInterface, SuspendHalts, AbortResetForget, InterruptOnCompletionDelivered, NothingAfterFree,
        PnPEventPowerCodesOnly,
    ];
}
