using NetDma.ConformanceKit.Kernel;
using NetDma.Contracts.Annotations;
using NetDma.Contracts.Kernel;

namespace NetDma.ConformanceKit.Tests.Kernel;

public sealed class KernelRoutineContractTests
{
    [Fact]
    public void Every_IWdmKernel_routine_has_a_contract_read_from_its_attributes()
    {
        foreach (var method in typeof(IWdmKernel).GetMethods())
        {
            var contract = KernelRoutineContract.Of(method.Name);
            Assert.Equal(method.Name, contract.Name);
            Assert.EndsWith(".md", contract.Page);
        }
    }

    [Theory]
    [InlineData(nameof(IWdmKernel.KeInsertQueueDpc), "nf-wdm-keinsertqueuedpc.md", null)]
    [InlineData(nameof(IWdmKernel.KeSetTargetProcessorDpc), "nf-ntddk-kesettargetprocessordpc.md", null)]
    [InlineData(nameof(IWdmKernel.IoGetDmaAdapter), "nf-wdm-iogetdmaadapter.md", Irql.PASSIVE_LEVEL)]
    [InlineData(nameof(IWdmKernel.KeAcquireSpinLock), KernelRoutineContract.DefaultPage, Irql.DISPATCH_LEVEL)]
    [InlineData(nameof(IWdmKernel.KeWaitForSingleObject), KernelRoutineContract.DefaultPage, Irql.APC_LEVEL)]
    public void Kernel_routine_contracts_take_page_and_ceiling_from_the_interface(string routine, string page, Irql? max)
    {
        var contract = KernelRoutineContract.Of(routine);

        Assert.Equal(page, contract.Page);
        Assert.Equal(max, contract.Irql.Max);
    }
}
