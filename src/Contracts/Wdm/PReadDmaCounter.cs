using NetDma.Contracts.Annotations;

namespace NetDma.Contracts.Wdm;

/// <summary>
/// <c>PREAD_DMA_COUNTER</c> (ReadDmaCounter): bytes still to transfer in the current system-DMA operation. Called at
/// IRQL &lt;= DISPATCH_LEVEL. Source: nc-wdm-pread_dma_counter.md.
/// </summary>
/// <param name="DmaAdapter">The adapter.</param>
/// <returns>Bytes remaining.</returns>
[Ddi("PREAD_DMA_COUNTER", DdiKind.Callback, "wdm.h", "nc-wdm-pread_dma_counter.md", Role = "ReadDmaCounter")]
[IrqlRequiresMax(Irql.DISPATCH_LEVEL)]
public delegate uint PReadDmaCounter([DdiParameter(DdiParameterDirection.In)] DmaAdapter DmaAdapter);
