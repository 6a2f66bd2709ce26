namespace NetDma.Contracts.Annotations;

/// <summary>
/// Interrupt request levels, spelled as the DDI pages and <c>wdm.h</c> spell them (x64 numbering).
/// </summary>
/// <remarks>
/// Device IRQLs (DIRQL) are the range <see cref="DIRQL"/> (3) .. <see cref="DIRQL_MAX"/> (12); the kernel
/// chooses a value in that range per interrupt. <c>DEVICE_LEVEL</c>, the spelling of the NetDmaIsr page
/// (nf-netdma-netdmaisr.md), is read as DIRQL. Source: managing-hardware-priorities.md.
/// </remarks>
public enum Irql : byte
{
    /// <summary>PASSIVE_LEVEL (0): threads run here; paged memory and blocking waits are allowed.</summary>
    PASSIVE_LEVEL = 0,

    /// <summary>APC_LEVEL (1): asynchronous procedure calls are masked.</summary>
    APC_LEVEL = 1,

    /// <summary>DISPATCH_LEVEL (2): DPCs and spin-lock holders run here; no paging, no blocking waits.</summary>
    DISPATCH_LEVEL = 2,

    /// <summary>Lowest device IRQL (3): interrupt service routines run at a DIRQL in 3..12.</summary>
    DIRQL = 3,

    /// <summary>Highest device IRQL (12) on x64.</summary>
    DIRQL_MAX = 12,

    /// <summary>HIGH_LEVEL (15): all interrupts masked.</summary>
    HIGH_LEVEL = 15,
}
