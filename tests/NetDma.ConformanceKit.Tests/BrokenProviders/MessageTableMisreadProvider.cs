using NetDma.Contracts.Status;
using NetDma.Contracts.Platform;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA3026: it reads the granted MSI-X message table off by one, believing message <c>i</c> targets the CPU
/// of message <c>i + 1</c>. Asked for a channel on CPU 2 it takes the channel it wrongly thinks interrupts there and
/// reports CpuNumber 2, while that channel's interrupt really arrives on CPU 1 and the channel whose interrupt targets
/// CPU 2 stays free.
/// </summary>
public sealed class MessageTableMisreadProvider : BrokenNetDmaProvider
{
    public override NtStatus StartDevice(DeviceResources resources)
    {
        if (!resources.MessageSignaled || resources.Interrupts.Count < 2)
        {
            return base.StartDevice(resources);
        }

        var messages = resources.Interrupts;
        var misread = messages.Select((m, i) => m with { TargetProcessor = messages[(i + 1) % messages.Count].TargetProcessor }).ToList();
        return base.StartDevice(resources with { Interrupts = misread });
    }
}
