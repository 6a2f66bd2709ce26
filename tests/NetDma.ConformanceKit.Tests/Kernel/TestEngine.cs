using NetDma.Contracts.Platform;

namespace NetDma.ConformanceKit.Tests.Kernel;

/// <summary>A tiny hardware engine whose step is a test-supplied function.</summary>
internal sealed class TestEngine(Func<bool> step) : ISimulatedEngine
{
    public int Steps { get; private set; }

    public bool Step()
    {
        Steps++;
        return step();
    }
}
