using System.Runtime.CompilerServices;

namespace NetDma.ConformanceKit.Tests.BrokenProviders.ProcessKilling;

/// <summary>Overflows its stack in ProviderAllocateDmaChannel: unbounded recursion, which no handler can catch.</summary>
public sealed class StackOverflowProvider : ProcessKillingProvider
{
    protected override void Misbehave() => Descend(0);

    // Not inlined and with a use of the result, so the JIT keeps one real frame per call.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Descend(int depth) => Descend(depth + 1) + depth;
}
