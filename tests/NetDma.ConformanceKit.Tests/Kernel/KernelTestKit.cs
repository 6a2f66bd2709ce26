using NetDma.ConformanceKit.Diagnostics;
using NetDma.ConformanceKit.Kernel;
using NetDma.Contracts.Annotations;

namespace NetDma.ConformanceKit.Tests.Kernel;

/// <summary>Shared set-up for the kernel tests: a kernel, its log and helpers to run code as a driver routine.</summary>
internal sealed class KernelTestKit
{
    public KernelTestKit(int processorCount = 4)
    {
        Log = new ViolationLog(new CallTrace(1024));
        Kernel = new SimulatedKernel(processorCount, Log);
    }

    public ViolationLog Log { get; }

    public SimulatedKernel Kernel { get; }

    public void AtDispatch(Action body, uint cpu = 0) =>
        Kernel.InvokeDriver(cpu, Irql.DISPATCH_LEVEL, "TestRoutine", "test-page.md", body);

    public void AtPassive(Action body, uint cpu = 0) =>
        Kernel.InvokeDriver(cpu, Irql.PASSIVE_LEVEL, "TestRoutine", "test-page.md", body);

    public Violation Single(string ruleId)
    {
        var violation = Assert.Single(Log.All);
        Assert.Equal(ruleId, violation.Rule.Id);
        return violation;
    }
}
