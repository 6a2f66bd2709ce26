using NetDma.ConformanceKit.Host;

namespace NetDma.ConformanceKit.Exploration;

/// <summary>
/// One live channel as NetDMA sees it in the model: its script name, whether it needs a start, is started or is
/// suspended (the same states the host and the parser enforce), and its outstanding descriptors in submission order.
/// </summary>
internal sealed class ModelChannel(int slot)
{
    /// <summary>The channel's slot, 0 .. ChannelCount-1; its script name is <c>ch</c> + slot.</summary>
    public int Slot { get; } = slot;

    public string Name => $"ch{Slot}";

    public ChannelState State { get; set; } = ChannelState.NeedsStart;

    /// <summary>Descriptors submitted and not yet known to be copied or discarded (Pending or Maybe).</summary>
    public List<ModelDescriptor> Outstanding { get; } = [];
}
