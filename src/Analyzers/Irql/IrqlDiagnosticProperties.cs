namespace NetDma.Analyzers.Irql;

/// <summary>Names of the diagnostic properties the IRQL analyzers set for their code fixes.</summary>
internal static class IrqlDiagnosticProperties
{
    /// <summary><c>true</c> when the diagnostic is at the offending operation itself, <c>false</c> at the start of a call chain.</summary>
    public const string Direct = "Direct";

    /// <summary>The highest forbidden level reached, as a number (2 for DISPATCH_LEVEL).</summary>
    public const string HighestLevel = "HighestLevel";

    /// <summary>NDMA1002: what blocks (<c>lock</c>, <c>KeWaitForSingleObject</c>, ...).</summary>
    public const string BlockingKind = "BlockingKind";

    /// <summary>NDMA1007: the lowest level of the contract the implementation must accept.</summary>
    public const string ContractMin = "ContractMin";

    /// <summary>NDMA1007: the highest level of the contract the implementation must accept.</summary>
    public const string ContractMax = "ContractMax";
}
