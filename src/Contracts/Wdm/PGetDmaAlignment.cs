using NetDma.Contracts.Annotations;

namespace NetDma.Contracts.Wdm;

/// <summary>
/// <c>PGET_DMA_ALIGNMENT</c> (GetDmaAlignment): the buffer alignment the DMA system requires, in bytes (a power of two).
/// PASSIVE_LEVEL. Source: nc-wdm-pget_dma_alignment.md.
/// </summary>
/// <param name="DmaAdapter">The adapter.</param>
/// <returns>Required alignment in bytes.</returns>
[Ddi("PGET_DMA_ALIGNMENT", DdiKind.Callback, "wdm.h", "nc-wdm-pget_dma_alignment.md", Role = "GetDmaAlignment")]
[IrqlRequires(Irql.PASSIVE_LEVEL)]
public delegate uint PGetDmaAlignment([DdiParameter(DdiParameterDirection.In)] DmaAdapter DmaAdapter);
