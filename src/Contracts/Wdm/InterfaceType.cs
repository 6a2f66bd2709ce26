namespace NetDma.Contracts.Wdm;

/// <summary><c>INTERFACE_TYPE</c>: the bus a device sits on (subset used by DEVICE_DESCRIPTION.InterfaceType).</summary>
public enum InterfaceType
{
    /// <summary>InterfaceTypeUndefined (-1).</summary>
    InterfaceTypeUndefined = -1,

    /// <summary>Internal (0).</summary>
    Internal = 0,

    /// <summary>Isa (1).</summary>
    Isa = 1,

    /// <summary>PCIBus (5).</summary>
    PCIBus = 5,
}
