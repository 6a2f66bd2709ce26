using NetDma.Contracts.Platform;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// A bus that lets a broken engine misread its descriptors: every 64-byte read (a NET_DMA_DESCRIPTOR fetch; the
/// self-test scripts move no 64-byte transfers) is passed to <see cref="Misread"/> after the memory returned it, so
/// the engine acts on a changed ControlFlags while the descriptor in memory stays as NetDMA wrote it.
/// </summary>
public abstract class DescriptorImageBus(IDeviceBus inner) : IDeviceBus
{
    /// <summary>The real bus.</summary>
    protected IDeviceBus Inner { get; } = inner;

    /// <summary>Changes the descriptor image the engine sees.</summary>
    protected abstract void Misread(Span<byte> descriptor);

    public virtual bool DmaRead(PhysicalAddress address, Span<byte> destination)
    {
        var read = Inner.DmaRead(address, destination);
        if (read && destination.Length == 64)
        {
            Misread(destination);
        }

        return read;
    }

    public virtual bool DmaWrite(PhysicalAddress address, ReadOnlySpan<byte> source) => Inner.DmaWrite(address, source);

    public void RequestInterrupt(uint messageId) => Inner.RequestInterrupt(messageId);

    public void AttachEngine(ISimulatedEngine engine) => Inner.AttachEngine(engine);
}
