using NetDma.Analyzers.Tests.Support;
using Verify = NetDma.Analyzers.Tests.Support.AnalyzerVerifier<NetDma.Analyzers.Rules.NDMA3001RegisterProviderLocationAnalyzer>;

namespace NetDma.Analyzers.Tests.Rules;

/// <summary>NDMA3001: NetDmaRegisterProvider is called from AddDevice only, directly or through helpers.</summary>
public sealed class NDMA3001RegisterProviderLocationAnalyzerTests
{
    private const string Page = "nf-netdma-netdmaregisterprovider.md";

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Ndma3001(int location, string entry, string how) =>
        Verify.Diagnostic(RuleSource.Ids.RegisterInAddDevice).WithLocation(location).WithArguments(entry, "NetDmaRegisterProvider", how, Page);

    /// <summary>A provider driver whose PnP routine bodies and extra members the test supplies.</summary>
    private static string Driver(string addDevice, string startDevice, string members = "") => ProviderSource.Usings + $$"""
        public sealed class Driver : INetDmaProviderDriver
        {
            private DriverEnvironment? _environment;
            private NetDmaProviderHandle _handle;
            private INetDmaProvider _provider = null!;

            private DriverEnvironment Environment => _environment!;

            public NtStatus AddDevice(DriverEnvironment environment)
            {
                _environment = environment;
        {{addDevice}}
            }

            public IReadOnlyList<uint> FilterResourceRequirements() => Array.Empty<uint>();

            public NtStatus StartDevice(DeviceResources resources)
            {
        {{startDevice}}
            }

            public void StopDevice() { }

            public void RemoveDevice() { }
        {{members}}
        }
        """;

    private const string Register = "Environment.NetDma.NetDmaRegisterProvider(_provider, out _handle, NetDmaProviderCharacteristics.For(_provider))";

    [Fact]
    public async Task Registering_in_AddDevice_stays_silent()
    {
        var source = Driver($"        return {Register};", "        return NtStatus.STATUS_SUCCESS;");
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Registering_in_StartDevice_reports_NDMA3001_at_the_call()
    {
        var source = Driver("        return NtStatus.STATUS_SUCCESS;", $$"""
                    return {|#0:{{Register}}|};
            """);
        await Verify.VerifyAsync(source, Ndma3001(0, "StartDevice", "directly"));
    }

    [Fact]
    public async Task A_helper_reached_from_AddDevice_and_StartDevice_reports_NDMA3001_at_the_StartDevice_call_with_the_chain()
    {
        var source = Driver(
            "        return RegisterWithNetDma();",
            """
                    var status = {|#0:RegisterWithNetDma()|};
                    return status;
            """,
            $$"""
                private NtStatus RegisterWithNetDma() => Checked();

                private NtStatus Checked() => {{Register}};
            """);
        await Verify.VerifyAsync(
            source,
            Ndma3001(0, "StartDevice", "through StartDevice -> RegisterWithNetDma -> Checked -> NetDmaRegisterProvider"));
    }

    /// <summary>
    /// A lambda passed on runs during the call it is passed to (the rule the IRQL chains use too): registering in it is
    /// registering in StartDevice. One stored in a field runs at an unknown time and is not followed.
    /// </summary>
    [Fact]
    public async Task Registering_in_a_lambda_StartDevice_passes_on_reports_NDMA3001_with_the_chain_but_not_one_stored_in_a_field()
    {
        var source = Driver("        return NtStatus.STATUS_SUCCESS;", $$"""
                    var status = NtStatus.STATUS_SUCCESS;
                    Array.ForEach(new[] { 0 }, {|#0:_ =>|} status = {{Register}});
                    _later = () => {{Register}};
                    return status;
            """, """
                private Func<NtStatus> _later = null!;
            """);
        await Verify.VerifyAsync(source, Ndma3001(0, "StartDevice", "through StartDevice -> lambda -> NetDmaRegisterProvider"));
    }

    [Fact]
    public async Task A_helper_reached_only_from_AddDevice_or_from_nowhere_stays_silent()
    {
        var source = Driver(
            "        return RegisterWithNetDma();",
            "        return NtStatus.STATUS_SUCCESS;",
            $$"""
                private NtStatus RegisterWithNetDma() => {{Register}};

                public NtStatus RegisterAgainForTests() => {{Register}};
            """);
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Registering_in_a_provider_handler_reports_NDMA3001()
    {
        var source = ProviderSource.WithAllocate(
            """
                    pProviderChannelContext = new object();
                    ChannelParameters.CpuNumber = 0;
                    return {|#0:_netDma.NetDmaRegisterProvider(this, out _, NetDmaProviderCharacteristics.For(this))|};
            """,
            "    private readonly INetDma _netDma = null!;");
        await Verify.VerifyAsync(source, Ndma3001(0, "AllocateDmaChannel (ProviderAllocateDmaChannel)", "directly"));
    }

    [Fact]
    public async Task Registering_in_a_DPC_lambda_reports_NDMA3001()
    {
        var source = ProviderSource.Usings + """
            public static class Dpcs
            {
                public static void Initialize(IWdmKernel kernel, INetDma netDma, INetDmaProvider provider, KDpc dpc) =>
                    kernel.KeInitializeDpc(dpc, (d, context, argument1, argument2) =>
                    {
                        _ = {|#0:netDma.NetDmaRegisterProvider(provider, out _, NetDmaProviderCharacteristics.For(provider))|};
                    }, null);
            }
            """;
        await Verify.VerifyAsync(source, Ndma3001(0, "lambda (KDeferredRoutine)", "directly"));
    }

    [Fact]
    public async Task Registering_in_a_DPC_method_group_reports_NDMA3001()
    {
        var source = ProviderSource.Usings + """
            public sealed class Dpcs(INetDma netDma, INetDmaProvider provider)
            {
                public void Initialize(IWdmKernel kernel, KDpc dpc) => kernel.KeInitializeDpc(dpc, OnDpc, null);

                private void OnDpc(KDpc dpc, object? context, object? argument1, object? argument2)
                {
                    _ = {|#0:netDma.NetDmaRegisterProvider(provider, out _, NetDmaProviderCharacteristics.For(provider))|};
                }
            }
            """;
        await Verify.VerifyAsync(source, Ndma3001(0, "OnDpc (KDeferredRoutine)", "directly"));
    }

    [Fact]
    public async Task A_forwarding_implementation_of_the_NetDMA_side_stays_silent()
    {
        var source = ProviderSource.Usings + """
            public sealed class Forwarder(INetDma inner) : INetDma
            {
                public NtStatus NetDmaRegisterProvider(object ProviderContext, out NetDmaProviderHandle pNetDmaProviderHandle, NetDmaProviderCharacteristics ProviderCharacteristics) =>
                    inner.NetDmaRegisterProvider(ProviderContext, out pNetDmaProviderHandle, ProviderCharacteristics);

                public void NetDmaDeregisterProvider(NetDmaProviderHandle NetDmaProviderHandle) => inner.NetDmaDeregisterProvider(NetDmaProviderHandle);
                public void NetDmaProviderStart(NetDmaProviderHandle NetDmaProviderHandle, NetDmaProviderAttributes ProviderAttributes) => inner.NetDmaProviderStart(NetDmaProviderHandle, ProviderAttributes);
                public void NetDmaProviderStop(NetDmaProviderHandle NetDmaProviderHandle) => inner.NetDmaProviderStop(NetDmaProviderHandle);
                public void NetDmaIsr(NetDmaChannelHandle NetDmaChannelHandle, PhysicalAddress DmaDescriptor, out uint pCpuNumber) => inner.NetDmaIsr(NetDmaChannelHandle, DmaDescriptor, out pCpuNumber);
                public void NetDmaInterruptDpc(NetDmaChannelHandle NetDmaChannelHandle, PhysicalAddress? DmaDescriptor) => inner.NetDmaInterruptDpc(NetDmaChannelHandle, DmaDescriptor);
                public uint NetDmaGetVersion() => inner.NetDmaGetVersion();
                public void NetDmaPnPEventNotify(NetDmaProviderHandle NetDmaProviderHandle, NetDmaPnPNotification PnPEvent) => inner.NetDmaPnPEventNotify(NetDmaProviderHandle, PnPEvent);
            }
            """;
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Generated_code_is_not_analyzed()
    {
        var source = "// <auto-generated/>\n" + Driver("        return NtStatus.STATUS_SUCCESS;", $"        return {Register};");
        await Verify.VerifyAsync(source);
    }
}
