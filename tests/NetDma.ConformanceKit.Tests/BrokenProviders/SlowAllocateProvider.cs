using NetDma.Contracts.NetDma;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Correct, only slow: ProviderAllocateDmaChannel takes <see cref="Delay"/> before it does what the reference provider
/// does. Under schedule exploration, many schedules of it together outlast a short watchdog while each one stays well
/// inside it: the watchdog must judge one schedule, not the sweep.
/// </summary>
public sealed class SlowAllocateProvider : BrokenNetDmaProvider
{
    /// <summary>How long each allocation takes.</summary>
    public static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(40);

    protected override void Break(NetDmaProviderCharacteristics characteristics)
    {
        var allocate = characteristics.AllocateDmaChannel!;
        characteristics.AllocateDmaChannel = (object provider, NetDmaChannelParameters parameters, NetDmaChannelHandle handle, out object? context) =>
        {
            Thread.Sleep(Delay);
            return allocate(provider, parameters, handle, out context);
        };
    }
}
