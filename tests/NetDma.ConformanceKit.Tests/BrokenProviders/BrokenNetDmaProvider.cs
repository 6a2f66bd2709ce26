using NetDma.Contracts.Kernel;
using NetDma.Contracts.Ndis;
using NetDma.Contracts.NetDma;
using NetDma.Contracts.Platform;
using NetDma.Contracts.Status;
using NetDma.Contracts.Wdm;
using NetDma.ReferenceProvider.NetDma;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// The reference provider with exactly one bug: a subclass changes one handler (through <see cref="Break"/>) or one
/// service the provider uses (<see cref="WrapKernel"/>, <see cref="WrapBus"/>, <see cref="WrapNetDma"/>). Everything
/// else is the correct reference behaviour, so the kit must report the one rule the bug breaks.
/// </summary>
public abstract class BrokenNetDmaProvider : INetDmaProviderDriver, IDevicePowerDriver
{
    private readonly ReferenceNetDmaProviderDriver _inner = new();

    /// <summary>The environment the PnP manager gave the driver (unwrapped).</summary>
    protected DriverEnvironment Environment { get; private set; } = null!;

    /// <summary>Changes the characteristics the provider registers; the default keeps them.</summary>
    protected virtual void Break(NetDmaProviderCharacteristics characteristics)
    {
    }

    /// <summary>Wraps the kernel the provider calls; the default keeps it.</summary>
    protected virtual IWdmKernel WrapKernel(IWdmKernel kernel) => kernel;

    /// <summary>Wraps the bus the provider's engine uses; the default keeps it.</summary>
    protected virtual IDeviceBus WrapBus(IDeviceBus bus) => bus;

    /// <summary>Wraps NDIS's routine lookup the provider uses; the default keeps it.</summary>
    protected virtual INdis WrapNdis(INdis ndis) => ndis;

    /// <summary>Wraps the NetDMA functions the provider calls; the default only lets <see cref="Break"/> see the characteristics.</summary>
    protected virtual INetDma WrapNetDma(INetDma netDma) => new CharacteristicsInterceptor(netDma, Break);

    /// <inheritdoc/>
    public NtStatus AddDevice(DriverEnvironment environment)
    {
        Environment = environment;
        return _inner.AddDevice(environment with
        {
            NetDma = WrapNetDma(environment.NetDma),
            Kernel = WrapKernel(environment.Kernel),
            Bus = WrapBus(environment.Bus),
            Ndis = WrapNdis(environment.Ndis),
        });
    }

    /// <inheritdoc/>
    public virtual IReadOnlyList<uint> FilterResourceRequirements() => _inner.FilterResourceRequirements();

    /// <inheritdoc/>
    public virtual NtStatus StartDevice(DeviceResources resources) => _inner.StartDevice(resources);

    /// <inheritdoc/>
    public void StopDevice() => _inner.StopDevice();

    /// <inheritdoc/>
    public virtual void RemoveDevice() => _inner.RemoveDevice();

    /// <inheritdoc/>
    public NtStatus SetPower(DevicePowerState DeviceState) => _inner.SetPower(DeviceState);
}
