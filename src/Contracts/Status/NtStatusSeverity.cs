namespace NetDma.Contracts.Status;

/// <summary>The severity field of an NTSTATUS (its two top bits).</summary>
public enum NtStatusSeverity
{
    /// <summary>00: STATUS_SEVERITY_SUCCESS.</summary>
    Success = 0,

    /// <summary>01: STATUS_SEVERITY_INFORMATIONAL.</summary>
    Informational = 1,

    /// <summary>10: STATUS_SEVERITY_WARNING.</summary>
    Warning = 2,

    /// <summary>11: STATUS_SEVERITY_ERROR.</summary>
    Error = 3,
}
