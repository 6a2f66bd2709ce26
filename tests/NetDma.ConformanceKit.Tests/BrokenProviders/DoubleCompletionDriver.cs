using NetDma.Contracts.Status;
using NetDma.Contracts.Wdm;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA4028 (kit rule, no corpus page): a bus-master driver whose DPC completes each transfer IRP, then
/// completes it again on its way out (a completion path and a clean-up path that both call IoCompleteRequest).
/// </summary>
public sealed class DoubleCompletionDriver : BrokenWdmDriver
{
    protected override void AfterCompleting(Irp irp, NtStatus status, ulong information) =>
        Kernel.IoCompleteRequest(irp, status, information);
}
