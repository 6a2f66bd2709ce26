using NetDma.ConformanceKit.Running;
using NetDma.ConformanceKit.Tests.BrokenProviders;
using NetDma.Contracts.Platform;
using NetDma.ReferenceProvider.NetDma;
using NetDma.ReferenceProvider.Wdm;

namespace NetDma.ConformanceKit.Tests.Cli;

/// <summary>
/// DriverAssemblyLoader, which backs <c>run --provider</c>: finding the one INetDmaProviderDriver and IWdmDmaDriver of
/// an assembly, choosing among several with --provider-type, and refusing with a clear message otherwise.
/// </summary>
public sealed class DriverAssemblyLoaderTests
{
    private static readonly string ReferenceAssembly = typeof(ReferenceNetDmaProviderDriver).Assembly.Location;

    /// <summary>The provider drivers the test assembly exports (the broken providers), as the loader would see them.</summary>
    private static IEnumerable<Type> TestAssemblyProviders => typeof(CpuOutsideMaskProvider).Assembly.GetExportedTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(INetDmaProviderDriver).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null);

    [Fact]
    public void Reference_provider_assembly_yields_both_reference_drivers()
    {
        var factory = DriverAssemblyLoader.Load(ReferenceAssembly);

        Assert.IsType<ReferenceNetDmaProviderDriver>(factory.CreateNetDmaDriver());
        Assert.IsType<BusMasterSampleDriver>(factory.CreateWdmDriver());
        Assert.Equal("NetDma.ReferenceProvider.NetDma.ReferenceNetDmaProviderDriver + NetDma.ReferenceProvider.Wdm.BusMasterSampleDriver", factory.Name);
    }

    [Fact]
    public void Assembly_with_several_provider_drivers_and_no_provider_type_fails_naming_each_of_them()
    {
        var error = Assert.Throws<DriverLoadException>(() => DriverAssemblyLoader.Load(CliTestKit.TestAssembly));

        Assert.StartsWith($"'{CliTestKit.TestAssembly}' has several INetDmaProviderDriver classes (", error.Message);
        Assert.EndsWith("); choose one with --provider-type", error.Message);
        Assert.True(TestAssemblyProviders.Count() > 1);
        Assert.All(TestAssemblyProviders, t => Assert.Contains(t.FullName!, error.Message));
    }

    [Theory]
    [InlineData("CpuOutsideMaskProvider")]
    [InlineData("NetDma.ConformanceKit.Tests.BrokenProviders.CpuOutsideMaskProvider")]
    public void Provider_type_by_short_or_full_name_picks_that_driver(string providerType)
    {
        var factory = DriverAssemblyLoader.Load(CliTestKit.TestAssembly, providerType);

        Assert.IsType<CpuOutsideMaskProvider>(factory.CreateNetDmaDriver());
        Assert.Null(factory.CreateWdmDriver());
        Assert.Equal(typeof(CpuOutsideMaskProvider).FullName, factory.Name);
    }

    [Fact]
    public void Provider_type_naming_a_WDM_driver_picks_only_that_driver()
    {
        var factory = DriverAssemblyLoader.Load(CliTestKit.TestAssembly, nameof(SecondAdapterChannelDriver));

        Assert.Null(factory.CreateNetDmaDriver());
        Assert.IsType<SecondAdapterChannelDriver>(factory.CreateWdmDriver());
    }

    [Fact]
    public void Provider_type_that_matches_nothing_fails_naming_it()
    {
        var error = Assert.Throws<DriverLoadException>(() => DriverAssemblyLoader.Load(CliTestKit.TestAssembly, "NoSuchProvider"));

        Assert.Equal($"'{CliTestKit.TestAssembly}' has no public class with a parameterless constructor implementing INetDmaProviderDriver or IWdmDmaDriver named 'NoSuchProvider'", error.Message);
    }

    [Fact]
    public void Assembly_without_drivers_fails()
    {
        var contracts = typeof(INetDmaProviderDriver).Assembly.Location;

        var error = Assert.Throws<DriverLoadException>(() => DriverAssemblyLoader.Load(contracts));

        Assert.Equal($"'{contracts}' has no public class with a parameterless constructor implementing INetDmaProviderDriver or IWdmDmaDriver", error.Message);
    }

    [Fact]
    public void Missing_file_and_non_assembly_fail_with_DriverLoadException()
    {
        var folder = Directory.CreateTempSubdirectory("ndma-loader-").FullName;
        try
        {
            var missing = Path.Combine(folder, "missing.dll");
            var text = Path.Combine(folder, "text.dll");
            File.WriteAllText(text, "not an assembly");

            Assert.Equal($"provider assembly '{missing}' does not exist", Assert.Throws<DriverLoadException>(() => DriverAssemblyLoader.Load(missing)).Message);
            Assert.Equal($"'{text}' is not a .NET assembly", Assert.Throws<DriverLoadException>(() => DriverAssemblyLoader.Load(text)).Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
