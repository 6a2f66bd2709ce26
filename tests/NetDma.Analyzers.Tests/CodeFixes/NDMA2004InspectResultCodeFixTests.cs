using NetDma.Analyzers.CodeFixes;
using NetDma.Analyzers.Rules;
using NetDma.Analyzers.Tests.Support;
using Verify = NetDma.Analyzers.Tests.Support.CodeFixVerifier<NetDma.Analyzers.Rules.NDMA2004InspectResultAnalyzer, NetDma.Analyzers.CodeFixes.NDMA2004InspectResultCodeFixProvider>;

namespace NetDma.Analyzers.Tests.CodeFixes;

/// <summary>NDMA2004 "Check the status": a discarded NTSTATUS call becomes a checked one.</summary>
public sealed class NDMA2004InspectResultCodeFixTests
{
    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Discarded(int location, string routine, string page) =>
        Verify.Diagnostic(RuleSource.Ids.InspectResult).WithLocation(location).WithArguments(routine, "is discarded", page);

    [Fact]
    public async Task Discarded_NetDmaRegisterProvider_in_an_NtStatus_routine_returns_the_failure()
    {
        var before = ProviderSource.Usings + """
            public sealed class Driver
            {
                private NetDmaProviderHandle _handle;

                public NtStatus Register(INetDma netDma, INetDmaProvider provider)
                {
                    {|#0:netDma.NetDmaRegisterProvider(provider, out _handle, NetDmaProviderCharacteristics.For(provider))|};
                    return NtStatus.STATUS_SUCCESS;
                }
            }
            """;
        var after = ProviderSource.Usings + """
            public sealed class Driver
            {
                private NetDmaProviderHandle _handle;

                public NtStatus Register(INetDma netDma, INetDmaProvider provider)
                {
                    var status = netDma.NetDmaRegisterProvider(provider, out _handle, NetDmaProviderCharacteristics.For(provider));
                    if (!NtStatusFacts.NT_SUCCESS(status))
                    {
                        return status;
                    }
                    return NtStatus.STATUS_SUCCESS;
                }
            }
            """;
        await Verify.VerifyAsync(before, after, [Discarded(0, "NetDmaRegisterProvider", "nf-netdma-netdmaregisterprovider.md")], NDMA2004InspectResultCodeFixProvider.EquivalenceKey);
    }

    [Fact]
    public async Task Discarded_AllocateAdapterChannel_in_a_void_routine_returns_and_avoids_a_taken_name()
    {
        var before = ProviderSource.Usings + """
            public static class Transfer
            {
                public static void Start(DmaAdapter adapter, DeviceObject device, DriverControl adapterControl, int status)
                {
                    {|#0:adapter.DmaOperations.AllocateAdapterChannel!(adapter, device, 1, adapterControl, null)|};
                }
            }
            """;
        var after = ProviderSource.Usings + """
            public static class Transfer
            {
                public static void Start(DmaAdapter adapter, DeviceObject device, DriverControl adapterControl, int status)
                {
                    var status2 = adapter.DmaOperations.AllocateAdapterChannel!(adapter, device, 1, adapterControl, null);
                    if (!NtStatusFacts.NT_SUCCESS(status2))
                    {
                        return;
                    }
                }
            }
            """;
        await Verify.VerifyAsync(before, after, [Discarded(0, "AllocateAdapterChannel", "nc-wdm-pallocate_adapter_channel.md")], NDMA2004InspectResultCodeFixProvider.EquivalenceKey);
    }
}
