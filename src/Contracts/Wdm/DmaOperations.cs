using NetDma.Contracts.Annotations;

namespace NetDma.Contracts.Wdm;

/// <summary>
/// <c>DMA_OPERATIONS</c>: the table of DMA routines of an adapter, reached through <see cref="DmaAdapter.DmaOperations"/>.
/// All 40 members are listed in the page's order. The 13 routines with a reference page in the spec corpus are typed
/// with their contract delegate; the others (version 2 and 3 extensions without a page here) are
/// <see cref="System.Delegate"/> and left null by the simulated I/O manager. Source: ns-wdm-_dma_operations.md.
/// </summary>
[DdiStruct("DMA_OPERATIONS", "wdm.h", "ns-wdm-_dma_operations.md")]
public sealed class DmaOperations
{
    /// <summary>Size of the table in bytes.</summary>
    [DdiField(1)]
    public uint Size { get; init; }

    /// <summary>PutDmaAdapter: see <see cref="PPutDmaAdapter"/>.</summary>
    [DdiField(2)]
    public PPutDmaAdapter? PutDmaAdapter { get; init; }

    /// <summary>AllocateCommonBuffer: see <see cref="PAllocateCommonBuffer"/>.</summary>
    [DdiField(3)]
    public PAllocateCommonBuffer? AllocateCommonBuffer { get; init; }

    /// <summary>FreeCommonBuffer: see <see cref="PFreeCommonBuffer"/>.</summary>
    [DdiField(4)]
    public PFreeCommonBuffer? FreeCommonBuffer { get; init; }

    /// <summary>AllocateAdapterChannel: see <see cref="PAllocateAdapterChannel"/>.</summary>
    [DdiField(5)]
    public PAllocateAdapterChannel? AllocateAdapterChannel { get; init; }

    /// <summary>FlushAdapterBuffers: see <see cref="PFlushAdapterBuffers"/>.</summary>
    [DdiField(6)]
    public PFlushAdapterBuffers? FlushAdapterBuffers { get; init; }

    /// <summary>FreeAdapterChannel: see <see cref="PFreeAdapterChannel"/>.</summary>
    [DdiField(7)]
    public PFreeAdapterChannel? FreeAdapterChannel { get; init; }

    /// <summary>FreeMapRegisters: see <see cref="PFreeMapRegisters"/>.</summary>
    [DdiField(8)]
    public PFreeMapRegisters? FreeMapRegisters { get; init; }

    /// <summary>MapTransfer: see <see cref="PMapTransfer"/>.</summary>
    [DdiField(9)]
    public PMapTransfer? MapTransfer { get; init; }

    /// <summary>GetDmaAlignment: see <see cref="PGetDmaAlignment"/>.</summary>
    [DdiField(10)]
    public PGetDmaAlignment? GetDmaAlignment { get; init; }

    /// <summary>ReadDmaCounter: see <see cref="PReadDmaCounter"/>.</summary>
    [DdiField(11)]
    public PReadDmaCounter? ReadDmaCounter { get; init; }

    /// <summary>GetScatterGatherList: see <see cref="PGetScatterGatherList"/>.</summary>
    [DdiField(12)]
    public PGetScatterGatherList? GetScatterGatherList { get; init; }

    /// <summary>PutScatterGatherList: see <see cref="PPutScatterGatherList"/>.</summary>
    [DdiField(13)]
    public PPutScatterGatherList? PutScatterGatherList { get; init; }

    /// <summary>CalculateScatterGatherList: not modelled (no page in the spec corpus); null.</summary>
    [DdiField(14)]
    public System.Delegate? CalculateScatterGatherList { get; init; }

    /// <summary>BuildScatterGatherList: not modelled (no page in the spec corpus); null.</summary>
    [DdiField(15)]
    public System.Delegate? BuildScatterGatherList { get; init; }

    /// <summary>BuildMdlFromScatterGatherList: not modelled (no page in the spec corpus); null.</summary>
    [DdiField(16)]
    public System.Delegate? BuildMdlFromScatterGatherList { get; init; }

    /// <summary>GetDmaAdapterInfo: not modelled (no page in the spec corpus); null.</summary>
    [DdiField(17)]
    public System.Delegate? GetDmaAdapterInfo { get; init; }

    /// <summary>GetDmaTransferInfo: not modelled (no page in the spec corpus); null.</summary>
    [DdiField(18)]
    public System.Delegate? GetDmaTransferInfo { get; init; }

    /// <summary>InitializeDmaTransferContext: not modelled (no page in the spec corpus); null.</summary>
    [DdiField(19)]
    public System.Delegate? InitializeDmaTransferContext { get; init; }

    /// <summary>AllocateCommonBufferEx: not modelled (no page in the spec corpus); null.</summary>
    [DdiField(20)]
    public System.Delegate? AllocateCommonBufferEx { get; init; }

    /// <summary>AllocateAdapterChannelEx: see <see cref="PAllocateAdapterChannelEx"/>.</summary>
    [DdiField(21)]
    public PAllocateAdapterChannelEx? AllocateAdapterChannelEx { get; init; }

    /// <summary>ConfigureAdapterChannel: not modelled (no page in the spec corpus); null.</summary>
    [DdiField(22)]
    public System.Delegate? ConfigureAdapterChannel { get; init; }

    /// <summary>CancelAdapterChannel: not modelled (no page in the spec corpus); null.</summary>
    [DdiField(23)]
    public System.Delegate? CancelAdapterChannel { get; init; }

    /// <summary>MapTransferEx: not modelled (no page in the spec corpus); null.</summary>
    [DdiField(24)]
    public System.Delegate? MapTransferEx { get; init; }

    /// <summary>GetScatterGatherListEx: not modelled (no page in the spec corpus); null.</summary>
    [DdiField(25)]
    public System.Delegate? GetScatterGatherListEx { get; init; }

    /// <summary>BuildScatterGatherListEx: not modelled (no page in the spec corpus); null.</summary>
    [DdiField(26)]
    public System.Delegate? BuildScatterGatherListEx { get; init; }

    /// <summary>FlushAdapterBuffersEx: not modelled (no page in the spec corpus); null.</summary>
    [DdiField(27)]
    public System.Delegate? FlushAdapterBuffersEx { get; init; }

    /// <summary>
    /// FreeAdapterObject: its page is not in the spec corpus, so the member stays untyped; on a version 3 table the
    /// simulated adapter stores a <see cref="PFreeAdapterObject"/> here (call it as one), because
    /// nc-wdm-pallocate_adapter_channel_ex.md requires it after a routine-less synchronous AllocateAdapterChannelEx.
    /// </summary>
    [DdiField(28)]
    public System.Delegate? FreeAdapterObject { get; init; }

    /// <summary>CancelMappedTransfer: not modelled (no page in the spec corpus); null.</summary>
    [DdiField(29)]
    public System.Delegate? CancelMappedTransfer { get; init; }

    /// <summary>AllocateDomainCommonBuffer: not modelled (no page in the spec corpus); null.</summary>
    [DdiField(30)]
    public System.Delegate? AllocateDomainCommonBuffer { get; init; }

    /// <summary>FlushDmaBuffer: not modelled (no page in the spec corpus); null.</summary>
    [DdiField(31)]
    public System.Delegate? FlushDmaBuffer { get; init; }

    /// <summary>JoinDmaDomain: not modelled (no page in the spec corpus); null.</summary>
    [DdiField(32)]
    public System.Delegate? JoinDmaDomain { get; init; }

    /// <summary>LeaveDmaDomain: not modelled (no page in the spec corpus); null.</summary>
    [DdiField(33)]
    public System.Delegate? LeaveDmaDomain { get; init; }

    /// <summary>GetDmaDomain: not modelled (no page in the spec corpus); null.</summary>
    [DdiField(34)]
    public System.Delegate? GetDmaDomain { get; init; }

    /// <summary>AllocateCommonBufferWithBounds: not modelled (no page in the spec corpus); null.</summary>
    [DdiField(35)]
    public System.Delegate? AllocateCommonBufferWithBounds { get; init; }

    /// <summary>AllocateCommonBufferVector: not modelled (no page in the spec corpus); null.</summary>
    [DdiField(36)]
    public System.Delegate? AllocateCommonBufferVector { get; init; }

    /// <summary>GetCommonBufferFromVectorByIndex: not modelled (no page in the spec corpus); null.</summary>
    [DdiField(37)]
    public System.Delegate? GetCommonBufferFromVectorByIndex { get; init; }

    /// <summary>FreeCommonBufferFromVector: not modelled (no page in the spec corpus); null.</summary>
    [DdiField(38)]
    public System.Delegate? FreeCommonBufferFromVector { get; init; }

    /// <summary>FreeCommonBufferVector: not modelled (no page in the spec corpus); null.</summary>
    [DdiField(39)]
    public System.Delegate? FreeCommonBufferVector { get; init; }

    /// <summary>CreateCommonBufferFromMdl: not modelled (no page in the spec corpus); null.</summary>
    [DdiField(40)]
    public System.Delegate? CreateCommonBufferFromMdl { get; init; }
}
