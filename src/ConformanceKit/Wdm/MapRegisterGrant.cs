using NetDma.Contracts.Wdm;

namespace NetDma.ConformanceKit.Wdm;

/// <summary>
/// Map registers the simulated adapter granted to one AllocateAdapterChannel request, and the transfers mapped
/// through them with MapTransfer that FlushAdapterBuffers has not flushed yet.
/// </summary>
/// <param name="mapRegisterBase">The opaque base handed to AdapterControl.</param>
/// <param name="count">Number of map registers (each maps one 4096-byte page).</param>
/// <param name="device">The device object the request was for.</param>
internal sealed class MapRegisterGrant(MapRegisterBase mapRegisterBase, uint count, DeviceObject device)
{
    /// <summary>The opaque base.</summary>
    public MapRegisterBase Base { get; } = mapRegisterBase;

    /// <summary>Number of map registers.</summary>
    public uint Count { get; } = count;

    /// <summary>The device object of the request.</summary>
    public DeviceObject Device { get; } = device;

    /// <summary>The DmaTransferContext of the AllocateAdapterChannelEx request they were granted to; null for AllocateAdapterChannel.</summary>
    public object? DmaTransferContext { get; init; }

    /// <summary>Who holds the registers now.</summary>
    public MapRegisterGrantState State { get; set; } = MapRegisterGrantState.InAdapterControl;

    /// <summary>What released the registers (e.g. <c>AdapterControl returned DeallocateObject</c>); null while held.</summary>
    public string? FreedBy { get; private set; }

    /// <summary>True once NDMA4022 reported the adapter object these registers came with as never freed.</summary>
    public bool ReportedNotFreed { get; set; }

    /// <summary>Mapped, not yet flushed transfers.</summary>
    public List<MappedTransfer> Mapped { get; } = [];

    /// <summary>Marks the registers released by <paramref name="freedBy"/>.</summary>
    public void Free(string freedBy)
    {
        State = MapRegisterGrantState.Freed;
        FreedBy = freedBy;
    }

    /// <summary>Map registers the unflushed transfers occupy.</summary>
    public uint PagesInUse => (uint)Mapped.Sum(m => m.Pages);

    /// <summary>Report form: <c>mapregs#4294967297 (2 map registers of \Device\Fdo0)</c>.</summary>
    public override string ToString() => $"{Base} ({Count} map registers of {Device})";
}
