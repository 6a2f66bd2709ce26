namespace NetDma.Contracts.Wdm;

/// <summary><c>DMA_SPEED</c>: transfer timing for system DMA (ignored for bus-master devices).</summary>
public enum DmaSpeed
{
    /// <summary>Compatible.</summary>
    Compatible,

    /// <summary>TypeA.</summary>
    TypeA,

    /// <summary>TypeB.</summary>
    TypeB,

    /// <summary>TypeC.</summary>
    TypeC,

    /// <summary>TypeF.</summary>
    TypeF,

    /// <summary>MaximumDmaSpeed.</summary>
    MaximumDmaSpeed,
}
