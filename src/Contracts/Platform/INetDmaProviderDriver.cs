using NetDma.Contracts.Annotations;
using NetDma.Contracts.Status;

namespace NetDma.Contracts.Platform;

/// <summary>
/// The PnP entry points of a NetDMA provider driver, as the simulated PnP manager calls them (each at PASSIVE_LEVEL),
/// following registering-a-netdma-provider.md, starting-a-netdma-provider.md and stopping-a-netdma-provider.md.
/// A class implementing it, with a public parameterless constructor, is what <c>netdma-kit run --provider</c> loads.
/// </summary>
public interface INetDmaProviderDriver
{
    /// <summary>
    /// AddDevice: create the FDO and call NetDmaRegisterProvider (which, with MSI-X, calls
    /// ProviderSetDmaChannelCpuAffinity before returning). PASSIVE_LEVEL.
    /// </summary>
    /// <param name="environment">Services, PDO and bus.</param>
    /// <returns>STATUS_SUCCESS, or the failure that makes the PnP manager give up on the device.</returns>
    [IrqlRequires(Irql.PASSIVE_LEVEL)]
    NtStatus AddDevice(DriverEnvironment environment);

    /// <summary>
    /// IRP_MN_FILTER_RESOURCE_REQUIREMENTS (MSI-X platforms only): the target CPU number for each MSI-X message the
    /// driver wants, following the affinities ProviderSetDmaChannelCpuAffinity received. PASSIVE_LEVEL.
    /// </summary>
    /// <returns>One CPU number per requested message (message <c>i</c> targets entry <c>i</c>).</returns>
    [IrqlRequires(Irql.PASSIVE_LEVEL)]
    IReadOnlyList<uint> FilterResourceRequirements();

    /// <summary>IRP_MN_START_DEVICE: initialize the engine, connect interrupts, then call NetDmaProviderStart. PASSIVE_LEVEL.</summary>
    /// <param name="resources">The granted interrupts.</param>
    /// <returns>STATUS_SUCCESS or the start failure.</returns>
    [IrqlRequires(Irql.PASSIVE_LEVEL)]
    NtStatus StartDevice(DeviceResources resources);

    /// <summary>IRP_MN_STOP_DEVICE: call NetDmaProviderStop (NetDMA frees every channel), then stop the engine. PASSIVE_LEVEL.</summary>
    [IrqlRequires(Irql.PASSIVE_LEVEL)]
    void StopDevice();

    /// <summary>IRP_MN_REMOVE_DEVICE: stop if started, then call NetDmaDeregisterProvider. PASSIVE_LEVEL.</summary>
    [IrqlRequires(Irql.PASSIVE_LEVEL)]
    void RemoveDevice();
}
