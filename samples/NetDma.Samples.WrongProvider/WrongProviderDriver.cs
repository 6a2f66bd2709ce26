using NetDma.Contracts.Annotations;
using NetDma.Contracts.Kernel;
using NetDma.Contracts.NetDma;
using NetDma.Contracts.Platform;
using NetDma.Contracts.Status;

namespace NetDma.Samples.WrongProvider;

/// <summary>PnP entry points that get registration wrong.</summary>
public sealed partial class WrongProvider : INetDmaProviderDriver
{
    private DriverEnvironment _environment = null!;
    private NetDmaProviderHandle _handle;

    public NtStatus AddDevice(DriverEnvironment environment)
    {
        _environment = environment;
        environment.NetDma.NetDmaRegisterProvider(this, out _handle, NetDmaProviderCharacteristics.For(this)); // expect: NDMA2004
        return NtStatus.STATUS_SUCCESS;
    }

    public IReadOnlyList<uint> FilterResourceRequirements() => [0];

    public NtStatus StartDevice(DeviceResources resources)
    {
        // Registering again at start: registration belongs in AddDevice.
        var status = _environment.NetDma.NetDmaRegisterProvider(this, out _handle, NetDmaProviderCharacteristics.For(this)); // expect: NDMA3001
        if (!NtStatusFacts.NT_SUCCESS(status))
        {
            return status;
        }

        _environment.NetDma.NetDmaProviderStart(_handle, new NetDmaProviderAttributes { DmaChannelCount = 1 });
        return NtStatus.STATUS_SUCCESS;
    }

    public void StopDevice() => _environment.NetDma.NetDmaProviderStop(_handle);

    public void RemoveDevice() => _environment.NetDma.NetDmaDeregisterProvider(_handle);
}
