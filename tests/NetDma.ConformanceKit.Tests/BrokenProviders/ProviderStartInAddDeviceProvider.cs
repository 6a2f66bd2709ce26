using NetDma.Contracts.NetDma;
using NetDma.Contracts.Platform;
using NetDma.Contracts.Status;
using NetDma.ReferenceProvider.NetDma;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA3027: it calls NetDmaProviderStart from AddDevice, right after NetDmaRegisterProvider succeeds, with the
/// attributes the reference provider reports, and later skips the start its IRP_MN_START_DEVICE handler would make.
/// NetDMA then believes the channels ready before the PnP manager has given the device its resources.
/// </summary>
public sealed class ProviderStartInAddDeviceProvider : BrokenNetDmaProvider
{
    protected override INetDma WrapNetDma(INetDma netDma) => new EarlyStart(netDma);

    private sealed class EarlyStart(INetDma inner) : CharacteristicsInterceptor(inner, _ => { })
    {
        private bool _started;

        public override NtStatus NetDmaRegisterProvider(object ProviderContext, out NetDmaProviderHandle pNetDmaProviderHandle, NetDmaProviderCharacteristics ProviderCharacteristics)
        {
            var status = base.NetDmaRegisterProvider(ProviderContext, out pNetDmaProviderHandle, ProviderCharacteristics);
            if (NtStatusFacts.NT_SUCCESS(status))
            {
                Inner.NetDmaProviderStart(pNetDmaProviderHandle, new NetDmaProviderAttributes
                {
                    MajorHwVersion = 1,
                    VendorId = NetDma.ConformanceKit.Host.HostOptions.DefaultPciVendorId,
                    DmaChannelCount = ProviderCharacteristics.MaxDmaChannelCount,
                    MaximumTransferSize = ReferenceNetDmaProviderDriver.MaximumTransferSize,
                    MaximumAddressSpace = new PhysicalAddress(ulong.MaxValue),
                });
                _started = true;
            }

            return status;
        }

        public override void NetDmaProviderStart(NetDmaProviderHandle NetDmaProviderHandle, NetDmaProviderAttributes ProviderAttributes)
        {
            if (_started)
            {
                _started = false;
                return;
            }

            base.NetDmaProviderStart(NetDmaProviderHandle, ProviderAttributes);
        }
    }
}
