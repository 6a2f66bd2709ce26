using NetDma.ConformanceKit.Rules;
using NetDma.ConformanceKit.Wdm;
using NetDma.Contracts.Wdm;

namespace NetDma.ConformanceKit.Kernel;

/// <summary>DMA adapters: IoGetDmaAdapter and the adapter check at removal.</summary>
public sealed partial class SimulatedKernel
{
    private readonly List<SimulatedDmaAdapter> _adapters = [];

    /// <summary>Every adapter IoGetDmaAdapter returned, in order.</summary>
    public IReadOnlyList<SimulatedDmaAdapter> DmaAdapters => _adapters;

    /// <inheritdoc/>
    /// <remarks>
    /// DEVICE_DESCRIPTION versions 0 to 3 are supported (version 3 adds AllocateAdapterChannelEx); a higher version
    /// returns NULL with no map registers, as nf-wdm-iogetdmaadapter.md documents. The maximum is
    /// <see cref="SimulatedDmaAdapter.MaximumMapRegistersFor"/>(MaximumLength), or fewer under a <c>map-registers</c>
    /// fault ("there is no guarantee a driver will receive the same number of map registers it requested").
    /// </remarks>
    public DmaAdapter? IoGetDmaAdapter(DeviceObject? PhysicalDeviceObject, DeviceDescription DeviceDescription, out uint NumberOfMapRegisters)
    {
        ArgumentNullException.ThrowIfNull(DeviceDescription);
        NumberOfMapRegisters = 0;
        if (!Enter(nameof(IoGetDmaAdapter),
                $"{PhysicalDeviceObject?.ToString() ?? "NULL"}, Version = {DeviceDescription.Version}, Master = {DeviceDescription.Master}, MaximumLength = {DeviceDescription.MaximumLength}"))
        {
            return null;
        }

        if (DeviceDescription.Version > DeviceDescription.DEVICE_DESCRIPTION_VERSION3)
        {
            Log.Trace.Record($"  IoGetDmaAdapter: DEVICE_DESCRIPTION version {DeviceDescription.Version} is not supported = NULL");
            return null;
        }

        var adapter = new SimulatedDmaAdapter(this, PhysicalDeviceObject, DeviceDescription, _adapters.Count + 1);
        _adapters.Add(adapter);
        NumberOfMapRegisters = Faults?.GrantMapRegisters(adapter.MaximumMapRegisters, $"IoGetDmaAdapter(MaximumLength = {DeviceDescription.MaximumLength})")
            ?? adapter.MaximumMapRegisters;
        adapter.MaximumMapRegisters = NumberOfMapRegisters;
        return adapter.Adapter;
    }

    /// <summary>The simulated adapter behind a DMA_ADAPTER this kernel returned, or null.</summary>
    public SimulatedDmaAdapter? FindDmaAdapter(DmaAdapter adapter) =>
        _adapters.FirstOrDefault(a => ReferenceEquals(a.Adapter, adapter));

    /// <summary>
    /// At device removal: reports every adapter not released with PutDmaAdapter (NDMA4007, nc-wdm-pput_dma_adapter.md).
    /// </summary>
    /// <param name="driverName">The driver, for the report.</param>
    /// <returns>The number of adapters not put.</returns>
    public int CheckDmaAdaptersPut(string driverName)
    {
        var leaked = _adapters.Where(a => !a.IsPut).ToList();
        foreach (var adapter in leaked)
        {
            var outstanding = adapter.OutstandingResources();
            Log.Report(AdapterRules.ReleaseBeforePut,
                $"every adapter {driverName} got from IoGetDmaAdapter released with PutDmaAdapter before its device is removed",
                $"{adapter} of {adapter.PhysicalDeviceObject?.ToString() ?? "no PDO"} was never put" +
                (outstanding.Count > 0 ? $", with {string.Join("; ", outstanding)} outstanding" : string.Empty));
        }

        return leaked.Count;
    }
}
