using NetDma.Contracts.Wdm;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>Breaks NDMA4015: sets DEVICE_DESCRIPTION.Reserved1, which "Must be FALSE" (ns-wdm-_device_description.md).</summary>
public sealed class Reserved1SetDriver : BrokenWdmDriver
{
    protected override DeviceDescription Describe()
    {
        var description = base.Describe();
        description.Reserved1 = true;
        return description;
    }
}
