using NetDma.Contracts.Annotations;

namespace NetDma.Contracts.Wdm;

/// <summary>
/// <c>PPUT_DMA_ADAPTER</c> (PutDmaAdapter): release an adapter IoGetDmaAdapter returned, after every channel, map
/// register and common buffer of it is freed. Called at IRQL &lt;= DISPATCH_LEVEL. Source: nc-wdm-pput_dma_adapter.md.
/// </summary>
/// <param name="DmaAdapter">The adapter.</param>
[Ddi("PPUT_DMA_ADAPTER", DdiKind.Callback, "wdm.h", "nc-wdm-pput_dma_adapter.md", Role = "PutDmaAdapter")]
[IrqlRequiresMax(Irql.DISPATCH_LEVEL)]
public delegate void PPutDmaAdapter([DdiParameter(DdiParameterDirection.In)] DmaAdapter DmaAdapter);
