using NetDma.Contracts.Annotations;

namespace NetDma.Contracts.Ndis;

/// <summary>
/// The NDIS routine a NetDMA provider uses to find optional exports at run time. NetDMA 1.0 does not export
/// NetDmaGetVersion: "a NetDMA 1.1 or later provider driver must verify the presence of NetDmaGetVersion before it
/// calls NetDmaGetVersion ... first call the NdisGetRoutineAddress function to get the entry point and then, if
/// NetDmaGetVersion is available, call NetDmaGetVersion at the entry point" (nf-netdma-netdmagetversion.md).
/// </summary>
public interface INdis
{
    /// <summary>
    /// NdisGetRoutineAddress: the entry point of the exported routine named <paramref name="NdisRoutineName"/>, or
    /// null when the running system does not export it. For <c>"NetDmaGetVersion"</c> the entry point is a
    /// <see cref="Func{TResult}"/> of <see cref="uint"/> (the packed version) on NetDMA 1.1 and later, and null on
    /// NetDMA 1.0 (then the interface is version 1.0). PASSIVE_LEVEL.
    /// </summary>
    /// <param name="NdisRoutineName">The routine's name (an <c>NDIS_STRING</c>), e.g. <c>NetDmaGetVersion</c>.</param>
    /// <returns>The entry point, or null.</returns>
    [IrqlRequires(Irql.PASSIVE_LEVEL)]
    Delegate? NdisGetRoutineAddress(string NdisRoutineName);
}
