namespace NetDma.Contracts.Status;

/// <summary>
/// NTSTATUS: a 32-bit status code (<c>LONG</c>) whose top two bits are the severity
/// (00 success, 01 informational, 10 warning, 11 error). Members carry the real values from <c>ntstatus.h</c>;
/// any other 32-bit value is still a valid <see cref="NtStatus"/>, as in C. Use <see cref="NtStatusFacts.NT_SUCCESS"/>
/// to test success.
/// </summary>
/// <remarks>
/// Page anomalies, decided once here: the NetDMA pages (NetDmaRegisterProvider, ProviderAllocateDmaChannel,
/// ProviderStartDma, ProviderSetDmaChannelCpuAffinity) document <c>STATUS_RESOURCES</c>, which is not an
/// NTSTATUS name; it means <see cref="STATUS_INSUFFICIENT_RESOURCES"/> (0xC000009A, NDIS's
/// <c>NDIS_STATUS_RESOURCES</c>). The AllocateAdapterChannelEx page documents <c>STATUS_INVALID_PARAMETERS</c>,
/// meaning <see cref="STATUS_INVALID_PARAMETER"/> (0xC000000D). The mapping lives in
/// <see cref="DocumentedStatusSpellings"/> and nowhere else.
/// </remarks>
public enum NtStatus : int
{
    /// <summary>STATUS_SUCCESS (0x00000000): the operation completed successfully.</summary>
    STATUS_SUCCESS = 0x00000000,

    /// <summary>STATUS_TIMEOUT (0x00000102): a wait ended because its time-out expired (a success code).</summary>
    STATUS_TIMEOUT = 0x00000102,

    /// <summary>STATUS_PENDING (0x00000103): the operation will complete later.</summary>
    STATUS_PENDING = 0x00000103,

    /// <summary>STATUS_UNSUCCESSFUL (0xC0000001): the operation failed for unspecified reasons.</summary>
    STATUS_UNSUCCESSFUL = unchecked((int)0xC0000001),

    /// <summary>STATUS_NOT_IMPLEMENTED (0xC0000002): the requested operation is not implemented.</summary>
    STATUS_NOT_IMPLEMENTED = unchecked((int)0xC0000002),

    /// <summary>STATUS_INVALID_PARAMETER (0xC000000D): a parameter is invalid. The AllocateAdapterChannelEx page spells it STATUS_INVALID_PARAMETERS.</summary>
    STATUS_INVALID_PARAMETER = unchecked((int)0xC000000D),

    /// <summary>STATUS_INVALID_DEVICE_REQUEST (0xC0000010): the request is not valid for this device.</summary>
    STATUS_INVALID_DEVICE_REQUEST = unchecked((int)0xC0000010),

    /// <summary>STATUS_BUFFER_TOO_SMALL (0xC0000023): the buffer is too small (GetScatterGatherList).</summary>
    STATUS_BUFFER_TOO_SMALL = unchecked((int)0xC0000023),

    /// <summary>STATUS_INSUFFICIENT_RESOURCES (0xC000009A): insufficient system resources. The NetDMA pages spell it STATUS_RESOURCES.</summary>
    STATUS_INSUFFICIENT_RESOURCES = unchecked((int)0xC000009A),

    /// <summary>STATUS_NOT_SUPPORTED (0xC00000BB): the request is not supported.</summary>
    STATUS_NOT_SUPPORTED = unchecked((int)0xC00000BB),

    /// <summary>STATUS_DEVICE_NOT_READY (0xC00000A3): the device is not ready.</summary>
    STATUS_DEVICE_NOT_READY = unchecked((int)0xC00000A3),

    /// <summary>STATUS_CANCELLED (0xC0000120): the I/O request was cancelled.</summary>
    STATUS_CANCELLED = unchecked((int)0xC0000120),
}
