namespace NetDma.Analyzers;

/// <summary>
/// The diagnostic IDs, one per rule of the kit's catalog (src/ConformanceKit/Rules): an analyzer diagnostic and a
/// run-time violation of the same requirement carry the same ID. A test checks every ID here against the catalog.
/// </summary>
public static class RuleIdentifiers
{
    /// <summary>A routine called at an IRQL its contract does not allow.</summary>
    public const string CallAtContractIrql = "NDMA1001";

    /// <summary>A blocking wait where the IRQL can be DISPATCH_LEVEL or higher.</summary>
    public const string NoBlockingWaitAtDispatch = "NDMA1002";

    /// <summary>Paged pool where the IRQL can be above APC_LEVEL.</summary>
    public const string PagedPoolAtPassiveOrApc = "NDMA1003";

    /// <summary>A raise without its restore, or a restore of an IRQL never saved.</summary>
    public const string RaiseUpLowerDown = "NDMA1004";

    /// <summary>A routine that exits at another IRQL than it was entered at.</summary>
    public const string ReturnAtEntryIrql = "NDMA1005";

    /// <summary>An implementation whose own IRQL attributes are weaker than the contract it implements.</summary>
    public const string ImplementationKeepsContractIrql = "NDMA1007";

    /// <summary>A callback returns a status its page does not document.</summary>
    public const string DocumentedStatusOnly = "NDMA2001";

    /// <summary>The result of a _Must_inspect_result_ routine is ignored.</summary>
    public const string InspectResult = "NDMA2004";

    /// <summary>NetDmaRegisterProvider outside the AddDevice path.</summary>
    public const string RegisterInAddDevice = "NDMA3001";

    /// <summary>A success path of ProviderAllocateDmaChannel that leaves the channel context unset or null.</summary>
    public const string DistinctChannelContext = "NDMA3002";

    /// <summary>A success path of ProviderAllocateDmaChannel that does not write CpuNumber.</summary>
    public const string CpuNumberReported = "NDMA3003";

    /// <summary>AllocateAdapterChannel inside an AdapterControl routine.</summary>
    public const string NotFromAdapterControl = "NDMA4002";

    /// <summary>NumberOfMapRegisters above the IoGetDmaAdapter maximum.</summary>
    public const string MapRegistersWithinMax = "NDMA4003";
}
