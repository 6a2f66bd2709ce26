using Microsoft.CodeAnalysis;

namespace NetDma.Analyzers.Contracts;

/// <summary>
/// The NetDma.Contracts types the analyzers read, resolved once per compilation. When the compilation does not
/// reference NetDma.Contracts, <see cref="TryCreate"/> returns null and the analyzers stay silent.
/// </summary>
internal sealed class ContractSymbols
{
    private const string Annotations = "NetDma.Contracts.Annotations.";

    private ContractSymbols(Compilation compilation, INamedTypeSymbol ddi)
    {
        Ddi = ddi;
        IrqlRequires = compilation.GetTypeByMetadataName(Annotations + "IrqlRequiresAttribute");
        IrqlRequiresMax = compilation.GetTypeByMetadataName(Annotations + "IrqlRequiresMaxAttribute");
        IrqlRequiresMin = compilation.GetTypeByMetadataName(Annotations + "IrqlRequiresMinAttribute");
        IrqlRaises = compilation.GetTypeByMetadataName(Annotations + "IrqlRaisesAttribute");
        IrqlSaves = compilation.GetTypeByMetadataName(Annotations + "IrqlSavesAttribute");
        IrqlRestores = compilation.GetTypeByMetadataName(Annotations + "IrqlRestoresAttribute");
        MustInspectResult = compilation.GetTypeByMetadataName(Annotations + "MustInspectResultAttribute");
        DdiStatuses = compilation.GetTypeByMetadataName(Annotations + "DdiStatusesAttribute");
        ContractOf = compilation.GetTypeByMetadataName(Annotations + "ContractOfAttribute");
        Irql = compilation.GetTypeByMetadataName(Annotations + "Irql");
        NtStatus = compilation.GetTypeByMetadataName("NetDma.Contracts.Status.NtStatus");
        NtStatusFacts = compilation.GetTypeByMetadataName("NetDma.Contracts.Status.NtStatusFacts");
        KSpinLock = compilation.GetTypeByMetadataName("NetDma.Contracts.Kernel.KSpinLock");
        IWdmDmaDriver = compilation.GetTypeByMetadataName("NetDma.Contracts.Platform.IWdmDmaDriver");
        INetDmaProvider = compilation.GetTypeByMetadataName("NetDma.Contracts.NetDma.INetDmaProvider");
        INetDma = compilation.GetTypeByMetadataName("NetDma.Contracts.NetDma.INetDma");
        IWdmKernel = compilation.GetTypeByMetadataName("NetDma.Contracts.Kernel.IWdmKernel");
        NetDmaChannelParameters = compilation.GetTypeByMetadataName("NetDma.Contracts.NetDma.NetDmaChannelParameters");
        INetDmaProviderDriver = compilation.GetTypeByMetadataName("NetDma.Contracts.Platform.INetDmaProviderDriver");
        DriverControl = compilation.GetTypeByMetadataName("NetDma.Contracts.Wdm.DriverControl");
        DeviceDescription = compilation.GetTypeByMetadataName("NetDma.Contracts.Wdm.DeviceDescription");
    }

    public INamedTypeSymbol Ddi { get; }

    public INamedTypeSymbol? IrqlRequires { get; }

    public INamedTypeSymbol? IrqlRequiresMax { get; }

    public INamedTypeSymbol? IrqlRequiresMin { get; }

    public INamedTypeSymbol? IrqlRaises { get; }

    public INamedTypeSymbol? IrqlSaves { get; }

    public INamedTypeSymbol? IrqlRestores { get; }

    public INamedTypeSymbol? MustInspectResult { get; }

    public INamedTypeSymbol? DdiStatuses { get; }

    public INamedTypeSymbol? ContractOf { get; }

    public INamedTypeSymbol? Irql { get; }

    public INamedTypeSymbol? NtStatus { get; }

    public INamedTypeSymbol? NtStatusFacts { get; }

    public INamedTypeSymbol? KSpinLock { get; }

    public INamedTypeSymbol? IWdmDmaDriver { get; }

    public INamedTypeSymbol? INetDmaProvider { get; }

    public INamedTypeSymbol? INetDma { get; }

    public INamedTypeSymbol? IWdmKernel { get; }

    public INamedTypeSymbol? NetDmaChannelParameters { get; }

    public INamedTypeSymbol? INetDmaProviderDriver { get; }

    public INamedTypeSymbol? DriverControl { get; }

    public INamedTypeSymbol? DeviceDescription { get; }

    /// <summary>The symbols, or null when NetDma.Contracts is not referenced.</summary>
    public static ContractSymbols? TryCreate(Compilation compilation) =>
        compilation.GetTypeByMetadataName(Annotations + "DdiAttribute") is { } ddi ? new ContractSymbols(compilation, ddi) : null;
}
