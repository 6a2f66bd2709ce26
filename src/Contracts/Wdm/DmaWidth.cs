namespace NetDma.Contracts.Wdm;

/// <summary><c>DMA_WIDTH</c>: transfer width for system DMA (ignored for bus-master devices).</summary>
public enum DmaWidth
{
    /// <summary>Width8Bits.</summary>
    Width8Bits,

    /// <summary>Width16Bits.</summary>
    Width16Bits,

    /// <summary>Width32Bits.</summary>
    Width32Bits,

    /// <summary>Width64Bits.</summary>
    Width64Bits,

    /// <summary>WidthNoWrap.</summary>
    WidthNoWrap,

    /// <summary>MaximumDmaWidth.</summary>
    MaximumDmaWidth,
}
