namespace NetDma.Contracts.Status;

/// <summary>The NTSTATUS macros of <c>ntdef.h</c>: <c>NT_SUCCESS</c>, <c>NT_INFORMATION</c>, <c>NT_WARNING</c>, <c>NT_ERROR</c>, and display names.</summary>
public static class NtStatusFacts
{
    /// <summary><c>NT_SUCCESS(Status)</c>: true for success and informational values (the signed value is &gt;= 0).</summary>
    public static bool NT_SUCCESS(NtStatus status) => (int)status >= 0;

    /// <summary><c>NT_INFORMATION(Status)</c>: severity is informational.</summary>
    public static bool NT_INFORMATION(NtStatus status) => Severity(status) == NtStatusSeverity.Informational;

    /// <summary><c>NT_WARNING(Status)</c>: severity is warning.</summary>
    public static bool NT_WARNING(NtStatus status) => Severity(status) == NtStatusSeverity.Warning;

    /// <summary><c>NT_ERROR(Status)</c>: severity is error.</summary>
    public static bool NT_ERROR(NtStatus status) => Severity(status) == NtStatusSeverity.Error;

    /// <summary>The severity field (bits 30-31).</summary>
    public static NtStatusSeverity Severity(NtStatus status) => (NtStatusSeverity)((uint)status >> 30);

    /// <summary>The facility field (bits 16-27).</summary>
    public static int Facility(NtStatus status) => (int)(((uint)status >> 16) & 0x0FFF);

    /// <summary>The name (<c>STATUS_SUCCESS</c>) of a known value, or its hexadecimal form (<c>0xC0000999</c>).</summary>
    public static string Name(NtStatus status) =>
        Enum.IsDefined(status) ? status.ToString() : $"0x{(uint)status:X8}";

    /// <summary>Display form used in every report: <c>STATUS_UNSUCCESSFUL (0xC0000001)</c>.</summary>
    public static string Describe(NtStatus status) => $"{Name(status)} (0x{(uint)status:X8})";

    /// <summary>Parses a name (<c>STATUS_SUCCESS</c>), a page spelling (<c>STATUS_RESOURCES</c>) or a hex value.</summary>
    public static bool TryParse(string text, out NtStatus status)
    {
        if (DocumentedStatusSpellings.TryResolve(text, out status))
        {
            return true;
        }

        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            && uint.TryParse(text.AsSpan(2), System.Globalization.NumberStyles.HexNumber, null, out var raw))
        {
            status = (NtStatus)unchecked((int)raw);
            return true;
        }

        status = default;
        return false;
    }
}
