using NetDma.Analyzers.Tests.Support;
using Verify = NetDma.Analyzers.Tests.Support.AnalyzerVerifier<NetDma.Analyzers.Rules.NDMA4003MapRegistersAnalyzer>;

namespace NetDma.Analyzers.Tests.Rules;

/// <summary>NDMA4003: NumberOfMapRegisters within what IoGetDmaAdapter can grant for a constant MaximumLength.</summary>
public sealed class NDMA4003MapRegistersAnalyzerTests
{
    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Ndma4003(int location, ulong requested, ulong maximumLength, ulong grant) =>
        Verify.Diagnostic(RuleSource.Ids.MapRegistersWithinMax).WithLocation(location)
            .WithArguments("AllocateAdapterChannel", requested, maximumLength, grant, "nc-wdm-pallocate_adapter_channel.md");

    private static string Start(string body, string members = "") => ProviderSource.Usings + $$"""
        public sealed class Driver
        {
            public const uint MaximumTransferLength = 64 * 1024;

            public NtStatus Start(IWdmKernel kernel, DeviceObject pdo, DeviceObject fdo, DriverControl adapterControl)
            {
        {{body}}
            }
        {{members}}
        }
        """;

    [Fact]
    public async Task A_constant_request_above_the_grant_of_an_inline_description_reports_NDMA4003()
    {
        var source = Start("""
                    var adapter = kernel.IoGetDmaAdapter(pdo, new DeviceDescription { Master = true, MaximumLength = 8192 }, out var maximum);
                    if (adapter is null)
                    {
                        return NtStatus.STATUS_INSUFFICIENT_RESOURCES;
                    }

                    return adapter.DmaOperations.AllocateAdapterChannel!(adapter, fdo, {|#0:4|}, adapterControl, null);
            """);
        await Verify.VerifyAsync(source, Ndma4003(0, 4, 8192, 3));
    }

    [Fact]
    public async Task A_request_within_the_grant_stays_silent()
    {
        var source = Start("""
                    var adapter = kernel.IoGetDmaAdapter(pdo, new DeviceDescription { Master = true, MaximumLength = 8192 }, out var maximum);
                    return adapter is null ? NtStatus.STATUS_INSUFFICIENT_RESOURCES : adapter.DmaOperations.AllocateAdapterChannel!(adapter, fdo, 3, adapterControl, null);
            """);
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task A_description_local_with_a_constant_MaximumLength_statement_reports_NDMA4003()
    {
        var source = Start("""
                    var description = new DeviceDescription { Master = true };
                    description.MaximumLength = MaximumTransferLength;
                    var adapter = kernel.IoGetDmaAdapter(pdo, description, out _);
                    if (adapter is null)
                    {
                        return NtStatus.STATUS_INSUFFICIENT_RESOURCES;
                    }

                    const uint wanted = 32;
                    return adapter.DmaOperations.AllocateAdapterChannel!(adapter, fdo, {|#0:wanted|}, adapterControl, null);
            """);
        await Verify.VerifyAsync(source, Ndma4003(0, 32, 65536, 17));
    }

    [Fact]
    public async Task Map_register_counts_computed_from_constants_in_locals_are_followed()
    {
        var source = Start("""
                    const uint pageSize = 4096;
                    var pages = 4u;
                    var length = pages * pageSize;
                    var adapter = kernel.IoGetDmaAdapter(pdo, new DeviceDescription { Master = true, MaximumLength = length }, out _);
                    if (adapter is null)
                    {
                        return NtStatus.STATUS_INSUFFICIENT_RESOURCES;
                    }

                    var pieces = 3u;
                    var wanted = pieces * 2 + 1;
                    return adapter.DmaOperations.AllocateAdapterChannel!(adapter, fdo, {|#0:wanted|}, adapterControl, null);
            """);
        await Verify.VerifyAsync(source, Ndma4003(0, 7, 16384, 5));
    }

    [Fact]
    public async Task A_count_local_written_again_is_not_followed()
    {
        var source = Start("""
                    var adapter = kernel.IoGetDmaAdapter(pdo, new DeviceDescription { Master = true, MaximumLength = 8192 }, out _);
                    if (adapter is null)
                    {
                        return NtStatus.STATUS_INSUFFICIENT_RESOURCES;
                    }

                    var wanted = 8u;
                    if (pdo is null)
                    {
                        wanted = 2;
                    }

                    return adapter.DmaOperations.AllocateAdapterChannel!(adapter, fdo, wanted, adapterControl, null);
            """);
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task A_request_guarded_by_the_returned_maximum_stays_silent()
    {
        var source = Start("""
                    var adapter = kernel.IoGetDmaAdapter(pdo, new DeviceDescription { MaximumLength = 8192 }, out var maximum);
                    if (adapter is null || maximum < 4)
                    {
                        return NtStatus.STATUS_INSUFFICIENT_RESOURCES;
                    }

                    return adapter.DmaOperations.AllocateAdapterChannel!(adapter, fdo, 4, adapterControl, null);
            """);
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Unknown_lengths_escaping_descriptions_and_earlier_calls_stay_silent()
    {
        var source = Start(
            """
                    var early = adapterControl is null ? NtStatus.STATUS_UNSUCCESSFUL : NtStatus.STATUS_SUCCESS;
                    var description = new DeviceDescription { MaximumLength = 4096 };
                    Describe(description);
                    var adapter = kernel.IoGetDmaAdapter(pdo, description, out _);
                    var other = kernel.IoGetDmaAdapter(pdo, new DeviceDescription { MaximumLength = (uint)Environment.ProcessorCount }, out _);
                    if (adapter is null || other is null)
                    {
                        return early;
                    }

                    _ = other.DmaOperations.AllocateAdapterChannel!(other, fdo, 40, adapterControl, null);
                    return adapter.DmaOperations.AllocateAdapterChannel!(adapter, fdo, 40, adapterControl, null);
            """,
            "    private static void Describe(DeviceDescription description) => description.MaximumLength = 1024 * 1024;");
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task A_request_in_another_routine_than_IoGetDmaAdapter_stays_silent()
    {
        var source = Start(
            """
                    var adapter = kernel.IoGetDmaAdapter(pdo, new DeviceDescription { MaximumLength = 4096 }, out _);
                    return adapter is null ? NtStatus.STATUS_INSUFFICIENT_RESOURCES : Request(adapter, fdo, adapterControl);
            """,
            "    private static NtStatus Request(DmaAdapter adapter, DeviceObject fdo, DriverControl adapterControl) => adapter.DmaOperations.AllocateAdapterChannel!(adapter, fdo, 40, adapterControl, null);");
        await Verify.VerifyAsync(source);
    }
}
