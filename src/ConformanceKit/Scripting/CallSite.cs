using NetDma.Contracts.Annotations;

namespace NetDma.ConformanceKit.Scripting;

/// <summary>
/// Where NetDMA makes a provider call from: the IRQL it raises to and the CPU (processor number, not a mask) it runs
/// on. Written <c>irql=&lt;LEVEL&gt; cpu=&lt;n&gt;</c> on channel operations; see <see cref="ChannelOperationDefault"/>.
/// </summary>
/// <param name="Irql">The IRQL of the call (a DDI spelling: PASSIVE_LEVEL, APC_LEVEL, DISPATCH_LEVEL, DIRQL, HIGH_LEVEL).</param>
/// <param name="Cpu">The CPU number the call runs on, 0 .. processors-1.</param>
public readonly record struct CallSite(Irql Irql, uint Cpu)
{
    /// <summary>
    /// DISPATCH_LEVEL on CPU 0: the highest IRQL the channel handler pages allow (every
    /// <c>nc-netdma-dma_*_handler.md</c> page except ProviderSetDmaChannelCpuAffinity says IRQL &lt;= DISPATCH_LEVEL),
    /// so a provider is exercised at its most restrictive level unless a script says otherwise.
    /// </summary>
    public static CallSite ChannelOperationDefault { get; } = new(Irql.DISPATCH_LEVEL, 0);

    /// <summary>The script syntax: <c>irql=DISPATCH_LEVEL cpu=0</c>.</summary>
    public override string ToString() => $"irql={Irql.ToDdiName()} cpu={Cpu}";
}
