using NetDma.Analyzers.Tests.Support;
using Verify = NetDma.Analyzers.Tests.Support.AnalyzerVerifier<NetDma.Analyzers.Rules.NDMA4002AllocateAdapterChannelReentrancyAnalyzer>;

namespace NetDma.Analyzers.Tests.Rules;

/// <summary>NDMA4002: AllocateAdapterChannel is never called from inside an AdapterControl routine (applied to AllocateAdapterChannelEx too).</summary>
public sealed class NDMA4002AllocateAdapterChannelReentrancyAnalyzerTests
{
    private const string Page = "nc-wdm-pallocate_adapter_channel.md";

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Ndma4002(int location, string entry, string how, string routine = "AllocateAdapterChannel", string page = Page) =>
        Verify.Diagnostic(RuleSource.Ids.NotFromAdapterControl).WithLocation(location).WithArguments(entry, routine, how, page);

    private static string Transfer(string adapterControlBody, string members = "") => ProviderSource.Usings + $$"""
        public sealed class Transfer(DmaAdapter adapter, DeviceObject device)
        {
            public NtStatus Start() => adapter.DmaOperations.AllocateAdapterChannel!(adapter, device, 2, OnAdapterControl, null);

            private IoAllocationAction OnAdapterControl(DeviceObject DeviceObject, Irp? Irp, MapRegisterBase MapRegisterBase, object? Context)
            {
        {{adapterControlBody}}
            }
        {{members}}
        }
        """;

    [Fact]
    public async Task AllocateAdapterChannel_inside_AdapterControl_reports_NDMA4002()
    {
        var source = Transfer("""
                    _ = {|#0:adapter.DmaOperations.AllocateAdapterChannel!(adapter, device, 1, OnAdapterControl, null)|};
                    return IoAllocationAction.DeallocateObjectKeepRegisters;
            """);
        await Verify.VerifyAsync(source, Ndma4002(0, "OnAdapterControl (AdapterControl)", "directly"));
    }

    [Fact]
    public async Task AllocateAdapterChannel_reached_through_a_helper_reports_NDMA4002_at_the_helper_call()
    {
        var source = Transfer(
            """
                    {|#0:RequestNext()|};
                    return IoAllocationAction.DeallocateObjectKeepRegisters;
            """,
            """
                private void RequestNext()
                {
                    if (!NtStatusFacts.NT_SUCCESS(Start()))
                    {
                        return;
                    }
                }
            """);
        await Verify.VerifyAsync(source, Ndma4002(0, "OnAdapterControl (AdapterControl)", "through OnAdapterControl -> RequestNext -> Start -> AllocateAdapterChannel"));
    }

    [Fact]
    public async Task An_AdapterControl_that_only_maps_and_programs_stays_silent()
    {
        var source = Transfer("""
                    var length = 4096u;
                    _ = adapter.DmaOperations.MapTransfer!(adapter, new Mdl(default, default, 4096), MapRegisterBase, default, ref length, true);
                    return IoAllocationAction.DeallocateObjectKeepRegisters;
            """);
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task A_lambda_AdapterControl_calling_AllocateAdapterChannelEx_reports_NDMA4002()
    {
        var source = ProviderSource.Usings + """
            public static class Transfers
            {
                public static DriverControl Create(DmaAdapter adapter, DeviceObject device, object transferContext) =>
                    (deviceObject, irp, mapRegisterBase, context) =>
                    {
                        _ = {|#0:adapter.DmaOperations.AllocateAdapterChannelEx!(adapter, device, transferContext, 1, 0, null, null, out _)|};
                        return IoAllocationAction.DeallocateObject;
                    };
            }
            """;
        await Verify.VerifyAsync(source, Ndma4002(0, "lambda (AdapterControl)", "directly", "AllocateAdapterChannelEx", "nc-wdm-pallocate_adapter_channel_ex.md"));
    }

    [Fact]
    public async Task A_method_marked_ContractOf_DriverControl_reports_NDMA4002()
    {
        var source = ProviderSource.Usings + """
            public sealed class Transfer(DmaAdapter adapter, DeviceObject device)
            {
                [ContractOf(typeof(DriverControl))]
                public IoAllocationAction AdapterControl(DeviceObject DeviceObject, Irp? Irp, MapRegisterBase MapRegisterBase, object? Context)
                {
                    _ = {|#0:adapter.DmaOperations.AllocateAdapterChannel!(adapter, device, 1, AdapterControl, null)|};
                    return IoAllocationAction.DeallocateObject;
                }
            }
            """;
        await Verify.VerifyAsync(source, Ndma4002(0, "AdapterControl", "directly"));
    }

    [Fact]
    public async Task AllocateAdapterChannel_from_StartIo_and_the_DPC_stays_silent()
    {
        var source = Transfer(
            "        return IoAllocationAction.DeallocateObjectKeepRegisters;",
            """
                public void OnDpc(KDpc dpc, object? context, object? argument1, object? argument2) => _ = Start();

                public void Initialize(IWdmKernel kernel, KDpc dpc) => kernel.KeInitializeDpc(dpc, OnDpc, null);
            """);
        await Verify.VerifyAsync(source);
    }
}
