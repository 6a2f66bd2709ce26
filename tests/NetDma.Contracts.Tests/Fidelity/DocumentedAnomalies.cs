namespace NetDma.Contracts.Tests.Fidelity;

/// <summary>
/// THE allow-list of the fidelity test: every place where a contract knowingly differs from its reference page, each
/// with the page and the reason. Nothing else may differ. An entry that no longer matches a difference fails the test
/// too, so the list cannot silently outlive the anomaly it records.
/// </summary>
/// <remarks>
/// Not here because they are not differences: <c>STATUS_RESOURCES</c> (Register, Allocate, Start and SetCpuAffinity
/// pages) and <c>STATUS_INVALID_PARAMETERS</c> (AllocateAdapterChannelEx) are mapped by DocumentedStatusSpellings,
/// the single record of status spellings, which the test holds to the pages in both directions.
/// </remarks>
internal static class DocumentedAnomalies
{
    public static IReadOnlyList<AllowedMismatch> All { get; } =
    [
        // nf-netdma-netdmaregisterprovider.md tags pNetDmaProviderHandle [in] (the caller supplies the pointer), yet
        // NetDmaRegisterProvider writes the provider handle through it. The contract says Out with PageSays = In.
        new("nf-netdma-netdmaregisterprovider.md", Aspects.DirectionOverride,
            ["NetDmaRegisterProvider.pNetDmaProviderHandle"],
            "The page tags the handle [in]; the function writes it: the contract states Out and keeps the page's tag in PageSays."),

        // nf-netdma-netdmaisr.md: req.irql is DEVICE_LEVEL, which wdm.h does not define; it is a device IRQL (DIRQL),
        // the level the provider's ISR runs at. IrqlNames.TryParse reads it as DIRQL; the contract prints DIRQL.
        new("nf-netdma-netdmaisr.md", Aspects.IrqlSpelling, ["NetDmaIsr"],
            "DEVICE_LEVEL is the page's word for DIRQL; the contract requires exactly DIRQL."),

        // The common-buffer pages and the GetDmaAlignment page state req.irql PASSIVE_LEVEL while req.ddi-compliance
        // names IrqlDispatch, the Static Driver Verifier rule for calls at DISPATCH_LEVEL. The page's req.irql is the
        // contract (the decision is recorded on PAllocateCommonBuffer; GUIDE.md section 2 lists the case).
        new("nc-wdm-pallocate_common_buffer.md", Aspects.DdiCompliance, ["PALLOCATE_COMMON_BUFFER"],
            "req.irql PASSIVE_LEVEL wins over the IrqlDispatch compliance rule the page also names."),
        new("nc-wdm-pfree_common_buffer.md", Aspects.DdiCompliance, ["PFREE_COMMON_BUFFER"],
            "req.irql PASSIVE_LEVEL wins over the IrqlDispatch compliance rule the page also names."),
        new("nc-wdm-pget_dma_alignment.md", Aspects.DdiCompliance, ["PGET_DMA_ALIGNMENT"],
            "req.irql PASSIVE_LEVEL wins over the IrqlDispatch compliance rule the page also names."),

        // KeSetTargetProcessorDpc has two pages: nf-ntddk-kesettargetprocessordpc.md (req.header ntddk.h, the page the
        // NetDMA pages link to) and nf-wdm-kesettargetprocessordpc.md (req.header wdm.h). The contract keeps ntddk.h.
        new("nf-wdm-kesettargetprocessordpc.md", Aspects.Header, ["KeSetTargetProcessorDpc"],
            "The DDI is documented under both headers; the contract's header is the ntddk.h page's, the one NetDMA links to."),

        // ns-wdm-_dma_operations.md: these DMA_OPERATIONS members link to routine pages that are not in the spec
        // corpus (version 2 and 3 extensions and later), so there is no contract delegate to type them with; they are
        // System.Delegate and the simulated I/O manager leaves them null, except FreeAdapterObject (version 3), which
        // nc-wdm-pallocate_adapter_channel_ex.md requires after a routine-less synchronous allocation.
        new("ns-wdm-_dma_operations.md", Aspects.UntypedRoutine,
            [
                "DMA_OPERATIONS.CalculateScatterGatherList", "DMA_OPERATIONS.BuildScatterGatherList",
                "DMA_OPERATIONS.BuildMdlFromScatterGatherList", "DMA_OPERATIONS.GetDmaAdapterInfo",
                "DMA_OPERATIONS.GetDmaTransferInfo", "DMA_OPERATIONS.InitializeDmaTransferContext",
                "DMA_OPERATIONS.AllocateCommonBufferEx", "DMA_OPERATIONS.ConfigureAdapterChannel",
                "DMA_OPERATIONS.CancelAdapterChannel", "DMA_OPERATIONS.MapTransferEx",
                "DMA_OPERATIONS.GetScatterGatherListEx", "DMA_OPERATIONS.BuildScatterGatherListEx",
                "DMA_OPERATIONS.FlushAdapterBuffersEx", "DMA_OPERATIONS.FreeAdapterObject",
                "DMA_OPERATIONS.CancelMappedTransfer", "DMA_OPERATIONS.AllocateDomainCommonBuffer",
                "DMA_OPERATIONS.FlushDmaBuffer", "DMA_OPERATIONS.JoinDmaDomain", "DMA_OPERATIONS.LeaveDmaDomain",
                "DMA_OPERATIONS.GetDmaDomain", "DMA_OPERATIONS.AllocateCommonBufferWithBounds",
                "DMA_OPERATIONS.AllocateCommonBufferVector", "DMA_OPERATIONS.GetCommonBufferFromVectorByIndex",
                "DMA_OPERATIONS.FreeCommonBufferFromVector", "DMA_OPERATIONS.FreeCommonBufferVector",
                "DMA_OPERATIONS.CreateCommonBufferFromMdl",
            ],
            "Their pages are not in the corpus: no contract to type them with, so System.Delegate, left null (FreeAdapterObject holds a PFreeAdapterObject on version 3, see its XML doc)."),
    ];
}
