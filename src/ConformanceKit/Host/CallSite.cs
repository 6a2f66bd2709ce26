using NetDma.Contracts.Annotations;

namespace NetDma.ConformanceKit.Host;

/// <summary>
/// Where NetDMA makes a call: at which IRQL and on which processor (a CPU number, not a mask). Scripts write it as
/// <c>irql=DISPATCH_LEVEL cpu=1</c>.
/// </summary>
/// <param name="Irql">The IRQL the handler is entered at.</param>
/// <param name="Cpu">CPU number, 0-based.</param>
public readonly record struct CallSite(Irql Irql, uint Cpu)
{
    /// <summary>
    /// DISPATCH_LEVEL on CPU 0: the default for channel operations, the highest level NetDMA may use for them
    /// (nc-netdma-dma_channel_allocate_handler.md and the other handler pages), so the strictest test.
    /// </summary>
    public static CallSite ChannelOperationDefault { get; } = new(Irql.DISPATCH_LEVEL, 0);

    /// <inheritdoc/>
    public override string ToString() => $"irql={Irql.ToDdiName()} cpu={Cpu}";
}
