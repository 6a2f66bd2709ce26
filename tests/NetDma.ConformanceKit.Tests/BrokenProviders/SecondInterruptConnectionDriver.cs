using NetDma.Contracts.Platform;
using NetDma.Contracts.Status;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA3051 (kit rule, no corpus page): a bus-master driver whose StartDevice connects its ISR, then connects
/// it a second time for a "completion" routine while the first connection still stands. It ignores the second call's
/// failure, so the device works on through the first ISR.
/// </summary>
public sealed class SecondInterruptConnectionDriver : BrokenWdmDriver
{
    public override NtStatus StartDevice(DeviceResources resources)
    {
        var status = base.StartDevice(resources);
        if (NtStatusFacts.NT_SUCCESS(status))
        {
            _ = Kernel.IoConnectInterruptEx(Environment.PhysicalDeviceObject, (_, _, _) => false, null, out _);
        }

        return status;
    }
}
