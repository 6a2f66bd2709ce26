using NetDma.Analyzers.Tests.Support;
using Verify = NetDma.Analyzers.Tests.Support.AnalyzerVerifier<NetDma.Analyzers.Rules.NDMA2004InspectResultAnalyzer>;

namespace NetDma.Analyzers.Tests.Rules;

/// <summary>NDMA2004 (C28193): the result of a _Must_inspect_result_ routine is checked before its outputs are used.</summary>
public sealed class NDMA2004InspectResultAnalyzerTests
{
    private const string RegisterPage = "nf-netdma-netdmaregisterprovider.md";

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Ndma2004(int location, string routine, string what, string page) =>
        Verify.Diagnostic(RuleSource.Ids.InspectResult).WithLocation(location).WithArguments(routine, what, page);

    private static string Driver(string body, string members = "") => ProviderSource.Usings + $$"""
        public sealed class Driver
        {
            private NetDmaProviderHandle _handle;

            public NtStatus Register(DriverEnvironment environment, INetDmaProvider provider)
            {
        {{body}}
            }
        {{members}}
        }
        """;

    [Fact]
    public async Task NetDmaRegisterProvider_as_a_statement_reports_NDMA2004()
    {
        var source = Driver("""
                    {|#0:environment.NetDma.NetDmaRegisterProvider(provider, out _handle, NetDmaProviderCharacteristics.For(provider))|};
                    return NtStatus.STATUS_SUCCESS;
            """);
        await Verify.VerifyAsync(source, Ndma2004(0, "NetDmaRegisterProvider", "is discarded", RegisterPage));
    }

    [Fact]
    public async Task An_explicit_discard_is_a_deliberate_ignore_and_stays_silent()
    {
        var source = Driver("""
                    _ = environment.NetDma.NetDmaRegisterProvider(provider, out _handle, NetDmaProviderCharacteristics.For(provider));
                    return NtStatus.STATUS_SUCCESS;
            """);
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task A_checked_status_stays_silent()
    {
        var source = Driver("""
                    var status = environment.NetDma.NetDmaRegisterProvider(provider, out var handle, NetDmaProviderCharacteristics.For(provider));
                    if (!NtStatusFacts.NT_SUCCESS(status))
                    {
                        return status;
                    }

                    _handle = handle;
                    return NtStatus.STATUS_SUCCESS;
            """);
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task A_status_stored_but_never_read_reports_NDMA2004()
    {
        var source = Driver("""
                    var status = {|#0:environment.NetDma.NetDmaRegisterProvider(provider, out var handle, NetDmaProviderCharacteristics.For(provider))|};
                    _handle = handle;
                    return NtStatus.STATUS_SUCCESS;
            """);
        await Verify.VerifyAsync(source, Ndma2004(0, "NetDmaRegisterProvider", "is stored in 'status' but never read", RegisterPage));
    }

    [Fact]
    public async Task A_status_overwritten_before_it_is_read_reports_NDMA2004()
    {
        var source = Driver("""
                    var status = {|#0:environment.NetDma.NetDmaRegisterProvider(provider, out _handle, NetDmaProviderCharacteristics.For(provider))|};
                    status = NtStatus.STATUS_SUCCESS;
                    return status;
            """);
        await Verify.VerifyAsync(source, Ndma2004(0, "NetDmaRegisterProvider", "is stored in 'status' but never read", RegisterPage));
    }

    [Fact]
    public async Task An_out_value_used_before_the_check_reports_NDMA2004_at_the_use()
    {
        var source = Driver("""
                    var status = environment.NetDma.NetDmaRegisterProvider(provider, out var handle, NetDmaProviderCharacteristics.For(provider));
                    _handle = {|#0:handle|};
                    return status;
            """);
        await Verify.VerifyAsync(source, Ndma2004(0, "NetDmaRegisterProvider", "is not checked before its output 'handle' is used here", RegisterPage));
    }

    [Fact]
    public async Task AllocateAdapterChannel_through_its_delegate_as_a_statement_reports_NDMA2004()
    {
        var source = ProviderSource.Usings + """
            public static class Transfer
            {
                public static void Start(DmaAdapter adapter, DeviceObject device, DriverControl adapterControl)
                {
                    {|#0:adapter.DmaOperations.AllocateAdapterChannel!(adapter, device, 1, adapterControl, null)|};
                }
            }
            """;
        await Verify.VerifyAsync(source, Ndma2004(0, "AllocateAdapterChannel", "is discarded", "nc-wdm-pallocate_adapter_channel.md"));
    }

    [Fact]
    public async Task AllocateAdapterChannel_through_a_conditional_invoke_as_a_statement_reports_NDMA2004()
    {
        var source = ProviderSource.Usings + """
            public static class Transfer
            {
                public static void Start(DmaAdapter adapter, DeviceObject device, DriverControl adapterControl)
                {
                    adapter.DmaOperations.AllocateAdapterChannel?{|#0:.Invoke(adapter, device, 1, adapterControl, null)|};
                }
            }
            """;
        await Verify.VerifyAsync(source, Ndma2004(0, "AllocateAdapterChannel", "is discarded", "nc-wdm-pallocate_adapter_channel.md"));
    }

    [Fact]
    public async Task A_status_read_in_a_catch_handler_counts_as_inspected()
    {
        var source = Driver("""
                    var status = environment.NetDma.NetDmaRegisterProvider(provider, out _handle, NetDmaProviderCharacteristics.For(provider));
                    try
                    {
                        GC.KeepAlive(provider);
                    }
                    catch (InvalidOperationException)
                    {
                        return status;
                    }

                    return NtStatus.STATUS_SUCCESS;
            """);
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task ExAllocatePool2_discarded_cites_the_annotation_page()
    {
        var source = ProviderSource.Usings + """
            public static class Pool
            {
                public static void Leak(IWdmKernel kernel) => {|#0:kernel.ExAllocatePool2(PoolType.NonPagedPoolNx, 64, 0x52646d4e)|};
            }
            """;
        await Verify.VerifyAsync(source, Ndma2004(0, "ExAllocatePool2", "is discarded", "irql-annotations-for-drivers.md"));
    }

    [Fact]
    public async Task Results_tested_returned_or_passed_on_stay_silent()
    {
        var source = ProviderSource.Usings + """
            public sealed class Device
            {
                private DmaAdapter? _adapter;

                public NtStatus Start(IWdmKernel kernel, DeviceObject pdo, KMessageServiceRoutine isr)
                {
                    var adapter = kernel.IoGetDmaAdapter(pdo, new DeviceDescription { Master = true, MaximumLength = 65536 }, out var maximum);
                    if (adapter is null || maximum == 0)
                    {
                        return NtStatus.STATUS_INSUFFICIENT_RESOURCES;
                    }

                    _adapter = adapter;
                    Log(kernel.ExAllocatePool2(PoolType.NonPagedPoolNx, 64, 1).IsNull);
                    return kernel.IoConnectInterruptEx(pdo, isr, this, out _);
                }

                private static void Log(bool value) { }
            }
            """;
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task A_discarded_call_inside_a_lambda_reports_NDMA2004()
    {
        var source = ProviderSource.Usings + """
            public static class Dpcs
            {
                public static KDeferredRoutine Create(DmaAdapter adapter, DeviceObject device, DriverControl adapterControl) =>
                    (dpc, context, argument1, argument2) => {|#0:adapter.DmaOperations.AllocateAdapterChannel!(adapter, device, 1, adapterControl, context)|};
            }
            """;
        await Verify.VerifyAsync(source, Ndma2004(0, "AllocateAdapterChannel", "is discarded", "nc-wdm-pallocate_adapter_channel.md"));
    }

    [Fact]
    public async Task A_status_read_by_a_local_function_stays_silent()
    {
        var source = Driver("""
                    var status = environment.NetDma.NetDmaRegisterProvider(provider, out _handle, NetDmaProviderCharacteristics.For(provider));
                    return Checked();

                    NtStatus Checked() => NtStatusFacts.NT_SUCCESS(status) ? NtStatus.STATUS_SUCCESS : status;
            """);
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Generated_code_is_not_analyzed()
    {
        var source = "// <auto-generated/>\n" + Driver("""
                    environment.NetDma.NetDmaRegisterProvider(provider, out _handle, NetDmaProviderCharacteristics.For(provider));
                    return NtStatus.STATUS_SUCCESS;
            """);
        await Verify.VerifyAsync(source);
    }
}
