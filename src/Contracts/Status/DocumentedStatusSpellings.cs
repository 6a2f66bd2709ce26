namespace NetDma.Contracts.Status;

/// <summary>
/// Status names as the reference pages spell them, mapped to <see cref="NtStatus"/> values. This is the single
/// place where page spellings that are not NTSTATUS names are decided (see the remarks on <see cref="NtStatus"/>).
/// </summary>
public static class DocumentedStatusSpellings
{
    /// <summary>
    /// Page spellings that are not <c>ntstatus.h</c> names, with the value they mean and the pages that use them.
    /// </summary>
    public static IReadOnlyList<(string PageSpelling, NtStatus Means, string[] Pages)> Anomalies { get; } =
    [
        ("STATUS_RESOURCES", NtStatus.STATUS_INSUFFICIENT_RESOURCES,
            ["nf-netdma-netdmaregisterprovider.md", "nc-netdma-dma_channel_allocate_handler.md",
             "nc-netdma-dma_start_handler.md", "nc-netdma-dma_channels_cpu_affinity_handler.md"]),
        ("STATUS_INVALID_PARAMETERS", NtStatus.STATUS_INVALID_PARAMETER,
            ["nc-wdm-pallocate_adapter_channel_ex.md"]),
    ];

    /// <summary>Resolves an <c>ntstatus.h</c> name or a documented page spelling.</summary>
    public static bool TryResolve(string spelling, out NtStatus status)
    {
        foreach (var (pageSpelling, means, _) in Anomalies)
        {
            if (pageSpelling == spelling)
            {
                status = means;
                return true;
            }
        }

        if (spelling.StartsWith("STATUS_", StringComparison.Ordinal) && Enum.TryParse(spelling, out status) && Enum.IsDefined(status))
        {
            return true;
        }

        status = default;
        return false;
    }
}
