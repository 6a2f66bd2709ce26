using NetDma.Contracts.Status;
using NetDma.Contracts.Wdm;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA4014: when AllocateAdapterChannel returns STATUS_INSUFFICIENT_RESOURCES it completes the IRP with
/// STATUS_SUCCESS (nc-wdm-pallocate_adapter_channel.md: "complete the current IRP with the appropriate error code").
/// To be refused at all it asks for one map register more than IoGetDmaAdapter granted, which is also NDMA4003.
/// </summary>
public sealed class ChannelFailureSucceedsIrpDriver : BrokenWdmDriver
{
    protected override uint RegistersFor(uint pages) => MaximumMapRegisters + 1;

    protected override void OnChannelFailure(Irp irp, NtStatus status) => Complete(NtStatus.STATUS_SUCCESS, 0);
}
