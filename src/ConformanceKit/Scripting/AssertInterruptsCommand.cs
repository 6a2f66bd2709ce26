namespace NetDma.ConformanceKit.Scripting;

/// <summary>
/// <c>assert_interrupts ch0 2</c>: the channel has had <see cref="Count"/> interrupts (NetDmaIsr calls naming it,
/// nf-netdma-netdmaisr.md) since its latest allocation.
/// </summary>
/// <param name="Location">Where the command's keyword is.</param>
/// <param name="Channel">A channel allocated earlier in the script.</param>
/// <param name="Count">Expected interrupts, 0 .. int.MaxValue.</param>
public sealed record AssertInterruptsCommand(SourceLocation Location, string Channel, int Count)
    : ScriptCommand(Location);
