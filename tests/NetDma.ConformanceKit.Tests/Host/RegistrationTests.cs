using NetDma.ConformanceKit.Host;
using NetDma.Contracts.Annotations;
using NetDma.Contracts.NetDma;
using NetDma.Contracts.Status;

namespace NetDma.ConformanceKit.Tests.Host;

/// <summary>NetDmaRegisterProvider as the host checks it: NDMA3001, NDMA3009, NDMA3011, NDMA1001 and the MSI-X affinity call.</summary>
public sealed class RegistrationTests
{
    private const string RegisterPage = "nf-netdma-netdmaregisterprovider.md";
    private const string CharacteristicsPage = "ns-netdma-_net_dma_provider_characteristics.md";

    [Fact]
    public void NetDmaRegisterProvider_from_AddDevice_at_PASSIVE_LEVEL_succeeds_silently()
    {
        var kit = new HostTestKit();

        var status = kit.Register();

        Assert.Equal(NtStatus.STATUS_SUCCESS, status);
        kit.AssertSilent();
        var registration = Assert.IsType<ProviderRegistration>(kit.Host.Provider);
        Assert.False(kit.Handle.IsNull);
        Assert.Equal(kit.Handle, registration.Handle);
        Assert.Same(kit.ProviderContext, registration.Context);
        Assert.Equal(ProviderState.Registered, registration.State);
    }

    [Fact]
    public void NetDmaRegisterProvider_outside_AddDevice_reports_NDMA3001()
    {
        var kit = new HostTestKit();

        kit.AsProvider(Irql.PASSIVE_LEVEL, () => kit.RegisterNow(kit.Provider.Characteristics()), routine: "StartDevice (IRP_MN_START_DEVICE)");

        var violation = kit.Single("NDMA3001");
        Assert.Equal("a call from the driver's AddDevice routine", violation.Expected);
        Assert.Equal("a call outside AddDevice", violation.Actual);
        Assert.Equal(RegisterPage, violation.Page);
    }

    [Fact]
    public void Second_NetDmaRegisterProvider_reports_NDMA3001_and_fails()
    {
        var kit = new HostTestKit();
        kit.Register();
        var first = kit.Handle;

        var status = kit.Register();

        Assert.Equal(NtStatus.STATUS_UNSUCCESSFUL, status);
        var violation = kit.Single("NDMA3001");
        Assert.Equal("one registration per device", violation.Expected);
        Assert.Equal($"a second NetDmaRegisterProvider while {first} is registered", violation.Actual);
        Assert.Equal(RegisterPage, violation.Page);
        Assert.Equal(first, kit.Host.Provider!.Handle);
    }

    [Fact]
    public void NetDmaRegisterProvider_again_after_NetDmaDeregisterProvider_is_silent()
    {
        var kit = new HostTestKit();
        kit.Register();
        var first = kit.Handle;
        kit.Deregister();

        Assert.Equal(NtStatus.STATUS_SUCCESS, kit.Register());

        kit.AssertSilent();
        Assert.NotEqual(first, kit.Handle);
    }

    [Fact]
    public void NetDmaRegisterProvider_at_DISPATCH_LEVEL_reports_NDMA1001_from_the_function_contract()
    {
        var kit = new HostTestKit(new HostOptions(MsiX: false));

        kit.Register(irql: Irql.DISPATCH_LEVEL);

        var violation = kit.Single("NDMA1001");
        Assert.Equal("NetDmaRegisterProvider called at IRQL = PASSIVE_LEVEL", violation.Expected);
        Assert.Equal("NetDmaRegisterProvider called at DISPATCH_LEVEL (cpu0, in AddDevice)", violation.Actual);
        Assert.Equal(RegisterPage, violation.Page);
    }

    public static TheoryData<string> RequiredEntryPoints => new()
    {
        nameof(NetDmaProviderCharacteristics.AllocateDmaChannel),
        nameof(NetDmaProviderCharacteristics.FreeDmaChannel),
        nameof(NetDmaProviderCharacteristics.StartDma),
        nameof(NetDmaProviderCharacteristics.AppendDma),
        nameof(NetDmaProviderCharacteristics.SetDmaChannelCpuAffinity),
    };

    [Theory]
    [MemberData(nameof(RequiredEntryPoints))]
    public void Missing_required_entry_point_reports_NDMA3009_and_registration_fails(string entryPoint)
    {
        var kit = new HostTestKit();
        var characteristics = kit.Provider.Characteristics();
        typeof(NetDmaProviderCharacteristics).GetProperty(entryPoint)!.SetValue(characteristics, null);

        var status = kit.Register(characteristics);

        Assert.Equal(NtStatus.STATUS_UNSUCCESSFUL, status);
        var violation = kit.Single("NDMA3009");
        Assert.StartsWith($"missing: {entryPoint}", violation.Actual, StringComparison.Ordinal);
        Assert.Contains("every required entry point set", violation.Expected);
        Assert.Equal(CharacteristicsPage, violation.Page);
        Assert.Null(kit.Host.Provider);
        Assert.Empty(kit.Provider.Calls);
    }

    [Fact]
    public void Without_MSI_X_a_NULL_SetDmaChannelCpuAffinity_registers_silently()
    {
        // NetDMA calls ProviderSetDmaChannelCpuAffinity only on MSI-X platforms; no page makes it mandatory elsewhere.
        var kit = new HostTestKit(new HostOptions(MsiX: false));
        var characteristics = kit.Provider.Characteristics();
        characteristics.SetDmaChannelCpuAffinity = null;

        Assert.Equal(NtStatus.STATUS_SUCCESS, kit.Register(characteristics));
        kit.AssertSilent();
    }

    [Fact]
    public void SuspendDma_without_ResumeDma_reports_NDMA3009()
    {
        var kit = new HostTestKit();
        var characteristics = kit.Provider.Characteristics();
        characteristics.ResumeDma = null;

        Assert.Equal(NtStatus.STATUS_UNSUCCESSFUL, kit.Register(characteristics));

        var violation = kit.Single("NDMA3009");
        Assert.Equal("missing: ResumeDma (SuspendDma is set)", violation.Actual);
        Assert.Contains("ResumeDma with SuspendDma", violation.Expected);
        Assert.Equal(CharacteristicsPage, violation.Page);
    }

    [Fact]
    public void MaxDmaChannelCount_0_reports_NDMA3009()
    {
        var kit = new HostTestKit();

        Assert.Equal(NtStatus.STATUS_UNSUCCESSFUL, kit.Register(kit.Provider.Characteristics(maxDmaChannelCount: 0)));

        var violation = kit.Single("NDMA3009");
        Assert.Equal("missing: MaxDmaChannelCount >= 1", violation.Actual);
        Assert.Equal(CharacteristicsPage, violation.Page);
    }

    [Fact]
    public void Every_gap_is_listed_in_one_NDMA3009()
    {
        var kit = new HostTestKit();
        var characteristics = kit.Provider.Characteristics(maxDmaChannelCount: 0);
        characteristics.StartDma = null;
        characteristics.ResumeDma = null;

        kit.Register(characteristics);

        Assert.Equal("missing: StartDma, ResumeDma (SuspendDma is set), MaxDmaChannelCount >= 1", kit.Single("NDMA3009").Actual);
    }

    [Fact]
    public void NULL_characteristics_report_NDMA3009_and_registration_fails()
    {
        var kit = new HostTestKit();
        kit.Host.InAddDevice = true;

        var status = kit.AsProvider(Irql.PASSIVE_LEVEL, () => kit.RegisterNow(null!), routine: "AddDevice");

        Assert.Equal(NtStatus.STATUS_UNSUCCESSFUL, status);
        var violation = kit.Single("NDMA3009");
        Assert.Equal(CharacteristicsPage, violation.Page);
        Assert.Contains("NULL", violation.Actual);
    }

    [Fact]
    public void Optional_handlers_left_NULL_register_silently()
    {
        var kit = new HostTestKit();
        var characteristics = kit.Provider.Characteristics();
        characteristics.SuspendDma = null;
        characteristics.ResumeDma = null;
        characteristics.AbortDma = null;
        characteristics.ResetChannel = null;

        Assert.Equal(NtStatus.STATUS_SUCCESS, kit.Register(characteristics));

        kit.AssertSilent();
    }

    [Theory]
    [InlineData(2, 1, 2u, 0u)]
    [InlineData(3, 0, 2u, 0u)]
    [InlineData(2, 0, 1u, 1u)]
    [InlineData(1, 2, 1u, 1u)]
    public void Provider_version_above_NetDmaGetVersion_reports_NDMA3011_and_registration_fails(byte major, byte minor, uint interfaceMajor, uint interfaceMinor)
    {
        var kit = new HostTestKit(new HostOptions(NetDmaMajor: interfaceMajor, NetDmaMinor: interfaceMinor));

        var status = kit.Register(kit.Provider.Characteristics(majorVersion: major, minorVersion: minor));

        Assert.Equal(NtStatus.STATUS_UNSUCCESSFUL, status);
        var violation = kit.Single("NDMA3011");
        Assert.Equal($"a provider version <= {interfaceMajor}.{interfaceMinor} (NetDmaGetVersion)", violation.Expected);
        Assert.Equal($"MajorVersion.MinorVersion = {major}.{minor}", violation.Actual);
        Assert.Equal("nf-netdma-netdmagetversion.md", violation.Page);
        Assert.Null(kit.Host.Provider);
    }

    [Theory]
    [InlineData(2, 0, 2u, 0u)]
    [InlineData(1, 1, 2u, 0u)]
    [InlineData(1, 0, 1u, 1u)]
    public void Provider_version_at_or_below_NetDmaGetVersion_registers_silently(byte major, byte minor, uint interfaceMajor, uint interfaceMinor)
    {
        var kit = new HostTestKit(new HostOptions(NetDmaMajor: interfaceMajor, NetDmaMinor: interfaceMinor));

        Assert.Equal(NtStatus.STATUS_SUCCESS, kit.Register(kit.Provider.Characteristics(majorVersion: major, minorVersion: minor)));

        kit.AssertSilent();
    }

    [Fact]
    public void With_MSI_X_ProviderSetDmaChannelCpuAffinity_is_called_inside_NetDmaRegisterProvider_at_PASSIVE_LEVEL_for_MaxDmaChannelCount_channels()
    {
        var kit = new HostTestKit(new HostOptions(ProcessorCount: 2, MsiX: true));

        kit.Register(kit.Provider.Characteristics(maxDmaChannelCount: 3));

        kit.AssertSilent();
        Assert.Equal(["ProviderSetDmaChannelCpuAffinity cpu0 PASSIVE_LEVEL"], kit.Provider.Calls);
        var (array, size) = kit.Provider.Affinity!.Value;
        Assert.Equal(3u, size);
        Assert.Equal([0u, 1u, 2u], array.Select(a => a.DmaChannel));
        Assert.All(array, a => Assert.InRange(a.CpuNumber, 0u, 1u));
        Assert.Equal(array, kit.Host.Provider!.CpuAffinities);

        // The affinity call sits between the provider's call of NetDmaRegisterProvider and its return.
        var trace = kit.Log.Trace.Tail(100).ToList();
        var register = trace.FindIndex(e => e.Contains("provider -> NetDmaRegisterProvider", StringComparison.Ordinal));
        var affinity = trace.FindIndex(e => e.Contains("system -> ProviderSetDmaChannelCpuAffinity(3 entries)", StringComparison.Ordinal));
        Assert.InRange(register, 0, affinity - 1);
        Assert.Contains("<- STATUS_SUCCESS (0x00000000)", trace[^1]);
    }

    [Fact]
    public void Without_MSI_X_ProviderSetDmaChannelCpuAffinity_is_not_called()
    {
        var kit = new HostTestKit(new HostOptions(MsiX: false));

        Assert.Equal(NtStatus.STATUS_SUCCESS, kit.Register());

        kit.AssertSilent();
        Assert.Empty(kit.Provider.Calls);
        Assert.Null(kit.Provider.Affinity);
        Assert.Null(kit.Host.Provider!.CpuAffinities);
    }

    [Fact]
    public void Undocumented_status_from_ProviderSetDmaChannelCpuAffinity_reports_NDMA2001()
    {
        var kit = new HostTestKit();
        kit.Provider.AffinityStatus = NtStatus.STATUS_NOT_SUPPORTED;

        kit.Register();

        var violation = kit.Single("NDMA2001");
        Assert.Equal("one of STATUS_SUCCESS, STATUS_INSUFFICIENT_RESOURCES, STATUS_UNSUCCESSFUL from ProviderSetDmaChannelCpuAffinity", violation.Expected);
        Assert.Equal("STATUS_NOT_SUPPORTED (0xC00000BB)", violation.Actual);
        Assert.Equal("nc-netdma-dma_channels_cpu_affinity_handler.md", violation.Page);
    }

    [Fact]
    public void Documented_failure_from_ProviderSetDmaChannelCpuAffinity_is_silent()
    {
        var kit = new HostTestKit();
        kit.Provider.AffinityStatus = NtStatus.STATUS_INSUFFICIENT_RESOURCES;

        kit.Register();

        kit.AssertSilent();
    }
}
